package dev.akguard.console;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away schema in the local PostgreSQL test database (127.0.0.1:5432, user postgres,
 * database test; override with AKGUARD_TEST_PG), dropped on close — as remote-monitor's tests do.
 */
public final class TestPostgres implements AutoCloseable {
    public static final String BASE_URL =
            System.getenv()
                    .getOrDefault(
                            "AKGUARD_TEST_PG",
                            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private final String schema =
            "akc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public TestPostgres() throws SQLException {
        try (Connection c = DriverManager.getConnection(BASE_URL);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    public String url() {
        return BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(BASE_URL);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
