package dev.akguard.monitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.testkit.fixtures.PostgresSchema;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    private static final Set<String> TABLES =
            Set.of(
                    "schema_version",
                    "alerts",
                    "occurrences",
                    "history",
                    "poll_cursors",
                    "push_queue",
                    "outbox",
                    "inbox",
                    "call_records",
                    "anomalies",
                    "anomaly_history",
                    "ram_keys",
                    "settings",
                    "scan_gaps",
                    "console_users",
                    "api_tokens",
                    "console_sessions",
                    "webhook_deliveries");

    @TempDir Path dir;

    @Test
    void bothDialectsHaveTheSameNumberedMigrations() {
        List<Migrations.Migration> lite = Migrations.all(Dialect.SQLITE);
        List<Migrations.Migration> pg = Migrations.all(Dialect.POSTGRESQL);
        assertTrue(lite.size() >= 1);
        assertEquals(lite.size(), pg.size(), "every migration exists for both dialects");
        for (int i = 0; i < lite.size(); i++) {
            assertEquals(i + 1, lite.get(i).version());
            assertEquals(lite.get(i).description(), pg.get(i).description());
        }
    }

    @Test
    void sqliteFileIsCreatedMigratedOnceAndReopenable() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("a/b/monitor.db");
        Database db = Database.open(url);
        assertEquals(TABLES, tables(db));
        Database.open(url); // second open: nothing re-applied, no error
        assertEquals(Migrations.latest(Dialect.SQLITE), version(db));
    }

    @Test
    void postgresSchemaMigratesAndRefusesANewerSchema() throws Exception {
        try (PostgresSchema schema = new PostgresSchema()) {
            Database db = Database.open(schema.url());
            assertEquals(TABLES, tables(db));
            Database.open(schema.url()).close();
            assertEquals(Migrations.latest(Dialect.POSTGRESQL), version(db));
            db.transaction(
                    c -> {
                        Database.execute(
                                c, "INSERT INTO schema_version VALUES (999, 'from the future', 0)");
                        return null;
                    });
            StoreException e =
                    assertThrows(StoreException.class, () -> Database.open(schema.url()));
            assertTrue(e.getMessage().contains("upgrade akguard"), e.getMessage());
            db.close();
        }
    }

    @Test
    void concurrentFirstOpensOnPostgresMigrateOnce() throws Exception {
        try (PostgresSchema schema = new PostgresSchema()) {
            java.util.concurrent.ExecutorService pool =
                    java.util.concurrent.Executors.newFixedThreadPool(4);
            List<java.util.concurrent.Future<Database>> opens = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) opens.add(pool.submit(() -> Database.open(schema.url())));
            List<Database> dbs = new java.util.ArrayList<>();
            for (var f : opens) dbs.add(f.get());
            pool.shutdown();
            long rows =
                    dbs.get(0)
                            .transaction(
                                    c -> {
                                        try (var ps =
                                                        c.prepareStatement(
                                                                "SELECT COUNT(*) FROM schema_version");
                                                var rs = ps.executeQuery()) {
                                            rs.next();
                                            return rs.getLong(1);
                                        }
                                    });
            assertEquals(Migrations.latest(Dialect.POSTGRESQL), rows);
            dbs.forEach(Database::close);
        }
    }

    @Test
    void defaultIsAnSqliteFileUnderTheHomeFolder() throws Exception {
        String url = Database.defaultUrl(dir);
        assertEquals("jdbc:sqlite:" + dir.resolve(".akguard/monitor.db"), url);
        try (Database db = Database.open(url)) {
            assertTrue(java.nio.file.Files.isRegularFile(dir.resolve(".akguard/monitor.db")));
            assertEquals(TABLES, tables(db));
        }
    }

    @Test
    void theHomeFolderIsHomeAsGitSeesIt() {
        assertEquals(
                Path.of("/home/from-env"),
                Database.home("/home/from-env", "/home/from-passwd"),
                "$HOME wins, as in git");
        assertEquals(
                Path.of("/home/from-passwd"),
                Database.home(null, "/home/from-passwd"),
                "the JVM's home when $HOME is unset");
        assertEquals(Path.of("/home/from-passwd"), Database.home("", "/home/from-passwd"));
    }

    @Test
    void unknownUrlsGetAClearMessage() {
        StoreException e =
                assertThrows(StoreException.class, () -> Database.open("jdbc:mysql://x/y"));
        assertTrue(e.getMessage().contains("jdbc:sqlite:"), e.getMessage());
    }

    private static int version(Database db) throws Exception {
        return db.transaction(Migrations::currentVersion);
    }

    private static Set<String> tables(Database db) throws Exception {
        return db.transaction(
                c -> {
                    Set<String> out = new TreeSet<>();
                    try (ResultSet rs =
                            c.getMetaData()
                                    .getTables(
                                            null,
                                            db.dialect() == Dialect.POSTGRESQL
                                                    ? c.getSchema()
                                                    : null,
                                            "%",
                                            new String[] {"TABLE"})) {
                        while (rs.next()) {
                            String t = rs.getString("TABLE_NAME").toLowerCase();
                            if (!t.startsWith("sqlite_")) out.add(t);
                        }
                    }
                    return out;
                });
    }
}
