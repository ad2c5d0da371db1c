package dev.akguard.monitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.testkit.fixtures.PostgresSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

/**
 * The pool hands out only live connections: one the server killed is replaced without the caller
 * noticing.
 */
class PooledConnectionTest {

    @Test
    void aPooledPostgresConnectionKilledByTheServerIsReplacedTransparently() throws Exception {
        try (PostgresSchema schema = new PostgresSchema();
                Database db = Database.open(schema.url())) {
            int before = backendPid(db);
            assertEquals(before, backendPid(db), "the pool reuses its idle connection");
            try (Connection admin = DriverManager.getConnection(PostgresSchema.BASE_URL)) {
                boolean killed =
                        Sql.one(
                                        admin,
                                        "SELECT pg_terminate_backend(?)",
                                        rs -> rs.getBoolean(1),
                                        before)
                                .orElse(false);
                assertTrue(killed, "the server killed the pooled connection");
            }
            // as a server restart or failover would: the next borrower must not see the dead
            // connection
            int after = backendPid(db);
            assertNotEquals(before, after, "a new connection replaced the killed one");
            assertEquals(
                    1L,
                    (long)
                            db.transactionUninterruptibly(
                                    c ->
                                            Sql.one(
                                                            c,
                                                            "SELECT COUNT(*) FROM schema_version WHERE version = 1",
                                                            rs -> rs.getLong(1))
                                                    .orElseThrow()));
        }
    }

    private static int backendPid(Database db) {
        return db.transactionUninterruptibly(
                c -> Sql.one(c, "SELECT pg_backend_pid()", rs -> rs.getInt(1)).orElseThrow());
    }
}
