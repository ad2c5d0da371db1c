package dev.akguard.monitor.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.akguard.monitor.redact.Redaction;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

/**
 * Where the monitor keeps its state: an SQLite file (default {@code $HOME/.akguard/monitor.db},
 * nothing to install) or PostgreSQL for teams. The one connection source of the monitor: a HikariCP
 * pool that validates a connection before handing it out (one killed by a server restart is
 * replaced), caps the total, waits at most {@link #BORROW_TIMEOUT} for one, and rolls back what a
 * borrower left open. SQLite connections use WAL, a busy timeout and IMMEDIATE transactions so
 * concurrent processes queue for the single writer instead of failing. Opening a database brings
 * its schema up to date ({@link Migrations}). Every message names the database with its credentials
 * masked ({@link Redaction#jdbcUrl}).
 */
public final class Database implements AutoCloseable {

    /** The longest a caller waits for a free connection. */
    public static final Duration BORROW_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Connections at most: SQLite has one writer anyway; PostgreSQL gets a few for the console and
     * workers.
     */
    static final int SQLITE_MAX = 8;

    static final int POSTGRES_MAX = 10;
    private static final Set<PosixFilePermission> OWNER_DIR =
            PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE =
            PosixFilePermissions.fromString("rw-------");

    static {
        // HikariCP skips validation for a connection used in the last 500 ms; a server restart
        // inside that window
        // would hand out a dead connection. Validate every borrow (one round trip) unless the user
        // chose otherwise.
        if (System.getProperty("com.zaxxer.hikari.aliveBypassWindowMs") == null) {
            System.setProperty("com.zaxxer.hikari.aliveBypassWindowMs", "0");
        }
    }

    private final String url;
    private final Dialect dialect;
    private final HikariDataSource pool;

    private Database(String url, Dialect dialect, HikariDataSource pool) {
        this.url = url;
        this.dialect = dialect;
        this.pool = pool;
    }

    /** Opens (creating the SQLite file and its folders if needed, owner-only) and migrates. */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, Migrations.ROOT);
    }

    /**
     * Opens with the migration scripts under {@code migrationsRoot} (tests of the migration
     * runner).
     */
    static Database open(String jdbcUrl, String migrationsRoot) {
        String url = jdbcUrl == null || jdbcUrl.isBlank() ? defaultUrl() : jdbcUrl.trim();
        Dialect dialect = Dialect.of(url);
        if (dialect == Dialect.SQLITE) prepareSqliteFile(url);
        Database db = new Database(url, dialect, pool(url, dialect));
        try {
            Migrations.migrate(db, migrationsRoot);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * {@code jdbc:sqlite:$HOME/.akguard/monitor.db}: {@code $HOME} as git has it, the JVM's home
     * when unset.
     */
    public static String defaultUrl() {
        return defaultUrl(home());
    }

    static String defaultUrl(Path home) {
        return "jdbc:sqlite:" + home.resolve(".akguard").resolve("monitor.db");
    }

    /** {@code $HOME} when set (as git and the hooks use it), else the JVM's {@code user.home}. */
    public static Path home() {
        return home(System.getenv("HOME"), System.getProperty("user.home"));
    }

    static Path home(String envHome, String userHome) {
        return Path.of(envHome == null || envHome.isBlank() ? userHome : envHome);
    }

    public Dialect dialect() {
        return dialect;
    }

    public String url() {
        return url;
    }

    /**
     * A pooled connection, validated; closing it hands it back (rolled back if a transaction was
     * left open).
     */
    public Connection connect() throws SQLException {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw new SQLException(Redaction.jdbcMessage(e.getMessage(), url), e.getSQLState(), e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static HikariDataSource pool(String url, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("akguard-monitor");
        config.setJdbcUrl(url);
        config.setConnectionTimeout(BORROW_TIMEOUT.toMillis());
        // Keep one connection open: closing the last SQLite connection checkpoints and deletes the
        // WAL (an fsync
        // per transaction), and a PostgreSQL connection costs a handshake.
        config.setMinimumIdle(1);
        config.setMaximumPoolSize(dialect == Dialect.SQLITE ? SQLITE_MAX : POSTGRES_MAX);
        // A database that cannot be reached fails here, with the driver's reason, rather than on
        // first use.
        config.setInitializationFailTimeout(1);
        if (dialect == Dialect.SQLITE) {
            config.addDataSourceProperty("busy_timeout", "30000");
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException(
                    "Cannot open the monitor database "
                            + Redaction.jdbcUrl(url)
                            + ": "
                            + Redaction.jdbcMessage(rootMessage(e), url),
                    null);
        }
    }

    /**
     * The driver's own words and, when different, the underlying cause (an unknown host, a refused
     * connection).
     */
    private static String rootMessage(Throwable e) {
        Throwable driver = e;
        while (!(driver instanceof SQLException)
                && driver.getCause() != null
                && driver.getCause() != driver) driver = driver.getCause();
        Throwable root = driver;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String said =
                driver.getMessage() == null
                        ? driver.getClass().getSimpleName()
                        : driver.getMessage();
        if (said.startsWith("No suitable driver")) {
            return "the driver cannot read this URL: check the host, the port (a number) and every %-escape";
        }
        if (root == driver) return said;
        return said
                + " ("
                + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage())
                + ")";
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
            throw new StoreException(
                    "Database error on "
                            + redactedUrl()
                            + ": "
                            + Redaction.jdbcMessage(e.getMessage(), url),
                    e);
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

    /** The URL with every credential masked. */
    public String redactedUrl() {
        return Redaction.jdbcUrl(url);
    }

    /** {@code message} with this database's credentials masked. */
    public String redact(String message) {
        return Redaction.jdbcMessage(message, url);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    /**
     * Creates the database's folder (0700 when we create it) and an empty database file (0600)
     * before SQLite does, so the file never exists with the umask's permissions: it holds
     * notification channel secrets. SQLite gives its -wal and -shm files the permissions of the
     * database file.
     */
    private static void prepareSqliteFile(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        int q = file.indexOf('?');
        if (q >= 0) file = file.substring(0, q);
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) return;
        Path path = Path.of(file).toAbsolutePath();
        Path parent = path.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent);
                if (posix) Files.setPosixFilePermissions(parent, OWNER_DIR);
            } else if (posix
                    && parent != null
                    && parent.equals(home().resolve(".akguard").toAbsolutePath())) {
                tightenDir(parent); // our own folder, made 0755 by older versions
            }
            if (!posix) return;
            if (!Files.exists(path)) {
                try {
                    Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_FILE));
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first
                }
            }
            // The umask may have masked bits off at creation, never on; older versions left 0644
            // files.
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Path f = Path.of(path + suffix);
                if (Files.exists(f)) tighten(f);
            }
        } catch (IOException e) {
            throw new StoreException(
                    "Cannot create the monitor database "
                            + path
                            + ": "
                            + e.getMessage()
                            + ". Pass --db (or AKGUARD_DB_URL) with a writable location.",
                    e);
        }
    }

    /**
     * Best effort on an existing file: one owned by someone else keeps its permissions (and opens
     * or not).
     */
    private static void tighten(Path f) {
        try {
            Files.setPosixFilePermissions(f, OWNER_FILE);
        } catch (IOException | UnsupportedOperationException notOurs) {
            // not ours to change
        }
    }

    private static void tightenDir(Path d) {
        try {
            Files.setPosixFilePermissions(d, OWNER_DIR);
        } catch (IOException | UnsupportedOperationException notOurs) {
            // not ours to change
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        Sql.execute(c, sql);
    }
}
