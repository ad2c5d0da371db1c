package dev.akguard.monitor.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * Where the monitor keeps its state: an SQLite file (default {@code ~/.akguard/monitor.db}, nothing to install)
 * or PostgreSQL for teams. Keeps up to two idle connections for reuse; SQLite connections use WAL, a busy timeout and
 * IMMEDIATE transactions so concurrent processes queue for the single writer instead of failing.
 * Opening a database brings its schema up to date ({@link Migrations}).
 */
public final class Database implements AutoCloseable {

    private final String url;
    private final Dialect dialect;
    private final ConnectionPool pool;

    private Database(String url) {
        this.url = url;
        this.dialect = Dialect.of(url);
        this.pool = new ConnectionPool(this::openPhysical, 2);
    }

    /** Opens (creating the SQLite file and its folders if needed) and migrates. */
    public static Database open(String jdbcUrl) {
        String url = jdbcUrl == null || jdbcUrl.isBlank() ? defaultUrl() : jdbcUrl.trim();
        Database db = new Database(url);
        if (db.dialect == Dialect.SQLITE) db.createSqliteParent();
        Migrations.migrate(db);
        return db;
    }

    /** {@code jdbc:sqlite:<home>/.akguard/monitor.db}. */
    public static String defaultUrl() {
        return "jdbc:sqlite:" + Path.of(System.getProperty("user.home"), ".akguard", "monitor.db");
    }

    public Dialect dialect() { return dialect; }

    public String url() { return url; }

    /** A connection (reused when one is idle); closing it hands it back. */
    public Connection connect() throws SQLException { return pool.borrow(); }

    /** Closes idle connections. Connections still borrowed are closed when handed back. */
    @Override
    public void close() { pool.close(); }

    private Connection openPhysical() throws SQLException {
        if (dialect == Dialect.SQLITE) {
            Properties p = new Properties();
            p.setProperty("busy_timeout", "30000");
            p.setProperty("journal_mode", "WAL");
            p.setProperty("synchronous", "NORMAL");
            p.setProperty("foreign_keys", "true");
            p.setProperty("transaction_mode", "IMMEDIATE");
            return DriverManager.getConnection(url, p);
        }
        return DriverManager.getConnection(url);
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T transaction(SqlWork<T> work) throws InterruptedException {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | InterruptedException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Database error on " + redactedUrl() + ": " + e.getMessage(), e);
        }
    }

    /** Like {@link #transaction} for callers that cannot be interrupted (CLI commands). */
    public <T> T transactionUninterruptibly(SqlWork<T> work) {
        try {
            return transaction(work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted", e);
        }
    }

    /** The URL without its query string (which may carry a password). */
    public String redactedUrl() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    private void createSqliteParent() {
        String file = url.substring("jdbc:sqlite:".length());
        int q = file.indexOf('?');
        if (q >= 0) file = file.substring(0, q);
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) return;
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder for the monitor database " + parent + ": " + e.getMessage()
                    + ". Pass --db with a writable location.", e);
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) { s.execute(sql); }
    }
}
