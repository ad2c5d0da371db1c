package dev.akguard.monitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.finding.Secret;
import dev.akguard.monitor.notify.outbox.InboxMessage;
import dev.akguard.monitor.notify.outbox.JdbcInbox;
import dev.akguard.monitor.testing.TestAlerts;
import dev.akguard.testkit.fixtures.PostgresSchema;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applied migrations carry checksums; an edited released script is refused; older databases still
 * open.
 */
class MigrationChecksumTest {

    private static final String TEST_ROOT = "/dev/akguard/monitor/store/testmigrations/";

    @TempDir Path dir;

    @Test
    void anEditedReleasedMigrationIsRefusedWithAClearError() {
        String url = "jdbc:sqlite:" + dir.resolve("edited.db");
        Database.open(url, TEST_ROOT + "original/").close();
        StoreException e =
                assertThrows(StoreException.class, () -> Database.open(url, TEST_ROOT + "edited/"));
        assertTrue(
                e.getMessage()
                        .contains("Migration V001 (a table) was changed after it was applied"),
                e.getMessage());
        assertTrue(e.getMessage().contains("new V002.sql"), e.getMessage());
        try (Database db = Database.open(url, TEST_ROOT + "original/")) {
            assertEquals(
                    1,
                    versions(db).size(),
                    "the edited run applied nothing (V002 was refused with it)");
        }
    }

    @Test
    void checksumsAreRecordedForEveryAppliedScript() {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("fresh.db"))) {
            Map<Integer, String> recorded = versions(db);
            List<Migrations.Migration> scripts = Migrations.all(Dialect.SQLITE);
            assertEquals(scripts.size(), recorded.size());
            for (Migrations.Migration m : scripts)
                assertEquals(m.checksum(), recorded.get(m.version()), "V" + m.version());
        }
    }

    @Test
    void aSqliteDatabaseOfThePreviousReleaseOpensAndIsUpgraded() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection(url)) {
            previousRelease(c, Dialect.SQLITE);
        }
        upgradedKeepsRowsAndDeduplicatesInbox(url, Dialect.SQLITE);
    }

    @Test
    void aPostgresDatabaseOfThePreviousReleaseOpensAndIsUpgraded() throws Exception {
        try (PostgresSchema schema = new PostgresSchema()) {
            try (Connection c = DriverManager.getConnection(schema.url())) {
                previousRelease(c, Dialect.POSTGRESQL);
            }
            upgradedKeepsRowsAndDeduplicatesInbox(schema.url(), Dialect.POSTGRESQL);
        }
    }

    /**
     * What the previous release left: V001 and V002 applied, schema_version without checksums, and
     * the inbox's delivery key added at run time outside the migrations.
     */
    private static void previousRelease(Connection c, Dialect dialect) throws Exception {
        Sql.execute(
                c,
                "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)");
        for (Migrations.Migration m : Migrations.all(dialect).subList(0, 2)) {
            for (String sql : m.statements()) Sql.execute(c, sql);
            Sql.update(
                    c,
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                    m.version(),
                    m.description(),
                    0L);
        }
        Sql.execute(c, "ALTER TABLE inbox ADD COLUMN delivery_key TEXT");
        Sql.execute(
                c, "CREATE UNIQUE INDEX IF NOT EXISTS inbox_delivery_key ON inbox (delivery_key)");
        TestAlerts.insert(c, 1, "alert-one");
        Sql.update(
                c,
                "INSERT INTO inbox (at, alert_id, title, body, delivery_key) VALUES (1, 1, 'kept', 'body', 'k-old')");
    }

    private static void upgradedKeepsRowsAndDeduplicatesInbox(String url, Dialect dialect) {
        try (Database db = Database.open(url)) {
            Map<Integer, String> recorded = versions(db);
            assertEquals(Migrations.latest(dialect), recorded.size());
            for (Migrations.Migration m : Migrations.all(dialect)) {
                assertEquals(
                        m.checksum(),
                        recorded.get(m.version()),
                        "checksum of V" + m.version() + " backfilled or recorded");
            }
            JdbcInbox inbox = new JdbcInbox(db);
            assertEquals(
                    List.of("kept"),
                    inbox.latest(10).stream().map(m -> m.title()).toList(),
                    "rows survive the upgrade");
            Instant at = Instant.parse("2026-12-05T00:00:00Z");
            assertTrue(inbox.add("k-1", new InboxMessage(at, 1L, "new", "b")));
            assertTrue(
                    !inbox.add("k-1", new InboxMessage(at, 1L, "new", "b")),
                    "a repeated delivery key inserts nothing");
            assertEquals(2, inbox.latest(10).size());
        }
        try (Database again = Database.open(url)) {
            assertEquals(
                    Migrations.latest(dialect),
                    versions(again).size(),
                    "reopening applies nothing twice");
        }
    }

    private static Map<Integer, String> versions(Database db) {
        return db.transactionUninterruptibly(
                c -> {
                    Map<Integer, String> out = new TreeMap<>();
                    for (Object[] row :
                            Sql.query(
                                    c,
                                    "SELECT version, checksum FROM schema_version",
                                    rs -> new Object[] {rs.getInt(1), rs.getString(2)})) {
                        out.put((Integer) row[0], (String) row[1]);
                    }
                    return out;
                });
    }

    @Test
    void checksumIsTheSha256OfTheScriptText() {
        Migrations.Migration v1 = Migrations.all(TEST_ROOT + "original/", Dialect.SQLITE).get(0);
        assertEquals(Secret.sha256Hex("-- a table\nCREATE TABLE t1 (x INTEGER);\n"), v1.checksum());
    }
}
