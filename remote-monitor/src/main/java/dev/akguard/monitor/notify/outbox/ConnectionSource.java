package dev.akguard.monitor.notify.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Opens a JDBC connection; the caller closes it. The store module can pass its own pool or factory. */
@FunctionalInterface
public interface ConnectionSource {
    Connection open() throws SQLException;

    static ConnectionSource of(String jdbcUrl) { return () -> DriverManager.getConnection(jdbcUrl); }
}
