package dev.akguard.monitor.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A throw-away schema in the local PostgreSQL test database (127.0.0.1:5432, user postgres,
 * database test), dropped on close. Override the server with AKGUARD_TEST_PG (a JDBC URL without
 * currentSchema).
 */
public final class PostgresSchema implements AutoCloseable {

    public static final String BASE_URL =
            System.getenv()
                    .getOrDefault(
                            "AKGUARD_TEST_PG",
                            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final String schema =
            "akg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    public PostgresSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(BASE_URL);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    public String url() {
        return BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public String name() {
        return schema;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(BASE_URL);
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }
}
