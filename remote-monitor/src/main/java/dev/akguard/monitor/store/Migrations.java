package dev.akguard.monitor.store;

import dev.akguard.core.finding.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Versioned schema migrations. Scripts live in {@code
 * dev/akguard/monitor/store/migrations/<dialect>/V001.sql}, {@code V002.sql}, ...: numbered without
 * gaps, one per dialect, first line a {@code -- description} comment, statements separated by a
 * semicolon at the end of a line. To change the schema, add the next number for BOTH dialects;
 * never edit a released script: {@code schema_version} records each applied script's SHA-256 and
 * opening a database whose applied scripts no longer match is refused. Databases from before
 * checksums get the checksums of the scripts as they are (the scripts were not edited while no
 * checksum guarded them). The whole upgrade runs in one transaction, serialised across processes
 * (PostgreSQL advisory lock, SQLite write lock).
 */
public final class Migrations {

    static final String ROOT = "/dev/akguard/monitor/store/migrations/";
    private static final long PG_LOCK_KEY = 0x616b67756172644cL; // "akguardL"

    public record Migration(
            int version, String description, List<String> statements, String checksum) {}

    private Migrations() {}

    /** All scripts of a dialect, in order. */
    public static List<Migration> all(Dialect dialect) {
        return all(ROOT, dialect);
    }

    static List<Migration> all(String root, Dialect dialect) {
        List<Migration> out = new ArrayList<>();
        for (int v = 1; ; v++) {
            String name = root + dialect.folder() + "/" + String.format("V%03d.sql", v);
            try (InputStream in = Migrations.class.getResourceAsStream(name)) {
                if (in == null) break;
                String text =
                        new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
                String first = text.lines().findFirst().orElse("");
                String description =
                        first.startsWith("--") ? first.substring(2).trim() : "migration " + v;
                out.add(new Migration(v, description, statements(text), Secret.sha256Hex(text)));
            } catch (IOException e) {
                throw new StoreException("Cannot read migration " + name, e);
            }
        }
        return out;
    }

    /** The newest version the code knows. */
    public static int latest(Dialect dialect) {
        return all(dialect).size();
    }

    static void migrate(Database db, String root) {
        List<Migration> migrations = all(root, db.dialect());
        try (Connection c = db.connect()) {
            if (db.dialect() == Dialect.POSTGRESQL)
                Sql.execute(c, "SELECT pg_advisory_lock(" + PG_LOCK_KEY + ")");
            try {
                c.setAutoCommit(false);
                Sql.execute(
                        c,
                        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                                + "description TEXT NOT NULL, applied_at BIGINT NOT NULL, checksum TEXT)");
                if (!hasColumn(c, db.dialect(), "schema_version", "checksum")) {
                    Sql.execute(c, "ALTER TABLE schema_version ADD COLUMN checksum TEXT");
                }
                int current = currentVersion(c);
                if (current > migrations.size()) {
                    c.rollback();
                    throw new StoreException(
                            "The database "
                                    + db.redactedUrl()
                                    + " has schema version "
                                    + current
                                    + " but this akguard knows only up to "
                                    + migrations.size()
                                    + ": upgrade akguard.");
                }
                verifyApplied(c, db, migrations.subList(0, current));
                for (Migration m : migrations.subList(current, migrations.size())) {
                    for (String sql : m.statements()) Sql.execute(c, sql);
                    Sql.update(
                            c,
                            "INSERT INTO schema_version (version, description, applied_at, checksum) VALUES (?, ?, ?, ?)",
                            m.version(),
                            m.description(),
                            System.currentTimeMillis(),
                            m.checksum());
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
                if (db.dialect() == Dialect.POSTGRESQL)
                    Sql.execute(c, "SELECT pg_advisory_unlock(" + PG_LOCK_KEY + ")");
            }
        } catch (SQLException e) {
            throw new StoreException(
                    "Cannot open or upgrade the monitor database "
                            + db.redactedUrl()
                            + ": "
                            + db.redact(e.getMessage()),
                    e);
        }
    }

    /**
     * Refuses a database whose applied scripts were edited since; records the checksums of rows
     * applied before checksums existed.
     */
    private static void verifyApplied(Connection c, Database db, List<Migration> applied)
            throws SQLException {
        Map<Integer, String> recorded = new HashMap<>();
        for (Object[] row :
                Sql.query(
                        c,
                        "SELECT version, checksum FROM schema_version",
                        rs -> new Object[] {rs.getInt(1), rs.getString(2)})) {
            recorded.put((Integer) row[0], (String) row[1]);
        }
        for (Migration m : applied) {
            String stored = recorded.get(m.version());
            if (stored == null) {
                Sql.update(
                        c,
                        "UPDATE schema_version SET checksum = ? WHERE version = ?",
                        m.checksum(),
                        m.version());
            } else if (!stored.equals(m.checksum())) {
                throw new StoreException(
                        String.format(
                                "Migration V%03d (%s) was changed after it was applied to the database %s: "
                                        + "its SHA-256 is %s, the database recorded %s. A released migration must never be edited: "
                                        + "restore the script and put the change into a new V%03d.sql for both dialects.",
                                m.version(),
                                m.description(),
                                db.redactedUrl(),
                                m.checksum(),
                                stored,
                                latestOf(applied, recorded) + 1));
            }
        }
    }

    private static int latestOf(List<Migration> applied, Map<Integer, String> recorded) {
        return Math.max(
                applied.size(),
                recorded.keySet().stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    private static boolean hasColumn(Connection c, Dialect dialect, String table, String column)
            throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        // PostgreSQL: only the connection's current schema, or a same-named table elsewhere would
        // answer.
        try (ResultSet rs =
                md.getColumns(
                        c.getCatalog(),
                        dialect == Dialect.POSTGRESQL ? c.getSchema() : null,
                        table,
                        column)) {
            return rs.next();
        }
    }

    static int currentVersion(Connection c) throws SQLException {
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM schema_version");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) continue;
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) out.add(current.toString().strip());
        return out;
    }
}
