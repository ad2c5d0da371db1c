package dev.akguard.monitor.notify.outbox;

import dev.akguard.monitor.store.Database;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The outbox contract on an SQLite file, the default store. */
class SqliteOutboxTest extends OutboxContractTest {
    @TempDir Path dir;

    @Override
    protected Database freshDatabase() {
        return Database.open("jdbc:sqlite:" + dir.resolve("akguard.db"));
    }
}
