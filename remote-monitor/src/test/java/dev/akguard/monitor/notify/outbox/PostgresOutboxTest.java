package dev.akguard.monitor.notify.outbox;

import dev.akguard.monitor.store.Database;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * The outbox contract on PostgreSQL (127.0.0.1:5432, database {@code test}, user {@code postgres};
 * override with {@code AKGUARD_TEST_PG_URL}), each test in its own schema, dropped afterwards.
 */
class PostgresOutboxTest extends OutboxContractTest {
    private static final String BASE =
            System.getenv()
                    .getOrDefault(
                            "AKGUARD_TEST_PG_URL",
                            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private String schema;

    @Override
    protected Database freshDatabase() throws Exception {
        schema = "akg_notify_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(BASE);
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        String url = BASE + (BASE.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return Database.open(url);
    }

    @Override
    protected void dropDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(BASE);
                Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
