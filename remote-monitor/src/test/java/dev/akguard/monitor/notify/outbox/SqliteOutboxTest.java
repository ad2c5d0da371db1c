package dev.akguard.monitor.notify.outbox;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Properties;

/** The outbox contract on an SQLite file, the default store. */
class SqliteOutboxTest extends OutboxContractTest {
    @TempDir
    Path dir;

    @Override
    protected ConnectionSource freshDatabase() {
        String url = "jdbc:sqlite:" + dir.resolve("akguard.db");
        Properties p = new Properties();
        p.setProperty("busy_timeout", "10000"); // concurrent dispatchers wait for the write lock instead of failing
        p.setProperty("journal_mode", "WAL");
        return () -> DriverManager.getConnection(url, p);
    }
}
