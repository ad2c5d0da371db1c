package dev.akguard.monitor.testing;

import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.Sql;
import dev.akguard.testkit.fixtures.TestKeys;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Minimal {@code alerts} rows with chosen ids, for tests of tables that reference alerts (outbox,
 * inbox).
 */
public final class TestAlerts {
    private TestAlerts() {}

    /** Inserts alert {@code id} in the caller's transaction. */
    public static void insert(Connection c, long id, String accessKeyId) throws SQLException {
        Sql.update(
                c,
                "INSERT INTO alerts (id, access_key_id, secret_sha256, secret_redacted, status, first_seen, last_seen) "
                        + "VALUES (?, ?, ?, ?, 'UNHANDLED', 0, 0)",
                id,
                accessKeyId,
                TestKeys.sha256(accessKeyId + id),
                "abc…");
    }

    /** Alerts {@code from}..{@code to} inclusive, except those listed in {@code except}. */
    public static void seed(Database db, long from, long to, long... except) {
        db.transactionUninterruptibly(
                c -> {
                    outer:
                    for (long id = from; id <= to; id++) {
                        for (long e : except) if (e == id) continue outer;
                        insert(c, id, TestKeys.accessKeyId());
                    }
                    return null;
                });
    }
}
