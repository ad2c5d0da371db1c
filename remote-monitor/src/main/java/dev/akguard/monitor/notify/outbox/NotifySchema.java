package dev.akguard.monitor.notify.outbox;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The {@code outbox} and {@code inbox} tables as notification delivery needs them, for SQLite and PostgreSQL.
 * The store's migrations create both tables (same columns: times as BIGINT epoch ms, status as the enum's
 * name); {@link #ensure} creates them when missing (tests, a bare database) and adds what delivery needs on
 * top: {@code inbox.delivery_key}, unique, so a retried inbox delivery inserts nothing.
 */
public final class NotifySchema {
    private NotifySchema() { }

    static List<String> createTables(boolean postgres) {
        String id = postgres ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT";
        return List.of(
                "CREATE TABLE IF NOT EXISTS outbox ("
                        + "id " + id + ", "
                        + "channel TEXT NOT NULL, "
                        + "alert_id BIGINT, "
                        + "kind TEXT NOT NULL, "
                        + "payload TEXT NOT NULL, "
                        + "status TEXT NOT NULL DEFAULT 'PENDING', " // PENDING | SENDING | DELIVERED | DEAD
                        + "attempts INTEGER NOT NULL DEFAULT 0, "     // claims so far (a claim is an attempt)
                        + "next_attempt_at BIGINT NOT NULL DEFAULT 0, " // due time; for SENDING the lease end
                        + "last_error TEXT, "
                        + "created_at BIGINT NOT NULL, "
                        + "sent_at BIGINT, "
                        + "UNIQUE (channel, alert_id, kind))",
                "CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_attempt_at)",
                "CREATE TABLE IF NOT EXISTS inbox ("
                        + "id " + id + ", "
                        + "at BIGINT NOT NULL, "
                        + "alert_id BIGINT, "
                        + "title TEXT NOT NULL, "
                        + "body TEXT NOT NULL, "
                        + "read_at BIGINT)");
    }

    /**
     * Creates the tables when missing, then {@link #upgrade}s them; idempotent. For databases the store's
     * migrations do not manage (tests); run the migrations first elsewhere, as they create the tables themselves.
     */
    public static void ensure(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : createTables(isPostgres(c))) st.execute(sql);
        }
        upgrade(c);
    }

    /** Adds {@code inbox.delivery_key} and its unique index to existing tables; idempotent. */
    public static void upgrade(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            if (!hasColumn(c, "inbox", "delivery_key")) st.execute("ALTER TABLE inbox ADD COLUMN delivery_key TEXT");
            st.execute("CREATE UNIQUE INDEX IF NOT EXISTS inbox_delivery_key ON inbox (delivery_key)");
        }
    }

    static boolean isPostgres(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        // PostgreSQL: only the connection's current schema, or a same-named table elsewhere would answer.
        try (ResultSet rs = md.getColumns(c.getCatalog(), isPostgres(c) ? c.getSchema() : null, table, column)) {
            return rs.next();
        }
    }
}
