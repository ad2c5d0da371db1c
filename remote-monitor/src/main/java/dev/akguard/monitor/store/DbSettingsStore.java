package dev.akguard.monitor.store;

import dev.akguard.monitor.settings.SettingsStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * One named settings document in the {@code settings} table, so every instance sharing a database
 * (a team's PostgreSQL) reads the same notification settings. Text is stored verbatim.
 */
public final class DbSettingsStore implements SettingsStore {
    private final Database db;
    private final String name;
    private final Clock clock;

    public DbSettingsStore(Database db, String name, Clock clock) {
        this.db = db;
        this.name = name;
        this.clock = clock;
    }

    @Override
    public Optional<String> load() {
        // A plain autocommit read: it takes no write lock, so callers may load settings while
        // another
        // connection of theirs holds a write transaction (SQLite's IMMEDIATE transactions would
        // wait for it).
        try (Connection c = db.connect()) {
            return Sql.one(
                    c, "SELECT json FROM settings WHERE name = ?", rs -> rs.getString(1), name);
        } catch (SQLException e) {
            throw new StoreException(
                    "Cannot read the "
                            + name
                            + " settings from "
                            + db.redactedUrl()
                            + ": "
                            + db.redact(e.getMessage()),
                    e);
        }
    }

    @Override
    public void save(String json) {
        db.transactionUninterruptibly(
                c -> {
                    Sql.update(
                            c,
                            "INSERT INTO settings (name, json, updated_at) VALUES (?, ?, ?) "
                                    + "ON CONFLICT (name) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at",
                            name,
                            json,
                            clock.millis());
                    return null;
                });
    }
}
