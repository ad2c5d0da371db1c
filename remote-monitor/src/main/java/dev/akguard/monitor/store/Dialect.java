package dev.akguard.monitor.store;

import dev.akguard.monitor.redact.Redaction;

/** The two supported databases and the few SQL fragments where they differ. */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** Folder of this dialect's migration scripts. */
    public String folder() {
        return folder;
    }

    /**
     * Row lock for read-modify-write; SQLite has one writer at a time (IMMEDIATE transactions)
     * instead.
     */
    public String forUpdate() {
        return this == POSTGRESQL ? " FOR UPDATE" : "";
    }

    /** Row lock that lets concurrent workers pass over rows another one holds. */
    public String forUpdateSkipLocked() {
        return this == POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : "";
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) return SQLITE;
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new StoreException(
                "Unsupported database URL '"
                        + Redaction.jdbcUrl(jdbcUrl)
                        + "': use jdbc:sqlite:/path/to/monitor.db or jdbc:postgresql://HOST:PORT/DB?user=...");
    }
}
