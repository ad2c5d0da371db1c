package dev.akguard.monitor.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema migrations. Scripts live in {@code dev/akguard/monitor/store/migrations/<dialect>/V001.sql},
 * {@code V002.sql}, ...: numbered without gaps, one per dialect, first line a {@code -- description} comment,
 * statements separated by a semicolon at the end of a line. To change the schema, add the next number for
 * BOTH dialects; never edit a released script. {@code schema_version} records what was applied; the whole
 * upgrade runs in one transaction, serialised across processes (PostgreSQL advisory lock, SQLite write lock).
 */
public final class Migrations {

    private static final String ROOT = "/dev/akguard/monitor/store/migrations/";
    private static final long PG_LOCK_KEY = 0x616b67756172644cL; // "akguardL"

    public record Migration(int version, String description, List<String> statements) { }

    private Migrations() { }

    /** All scripts of a dialect, in order. */
    public static List<Migration> all(Dialect dialect) {
        List<Migration> out = new ArrayList<>();
        for (int v = 1; ; v++) {
            String name = ROOT + dialect.folder() + "/" + String.format("V%03d.sql", v);
            try (InputStream in = Migrations.class.getResourceAsStream(name)) {
                if (in == null) break;
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String first = text.lines().findFirst().orElse("");
                String description = first.startsWith("--") ? first.substring(2).trim() : "migration " + v;
                out.add(new Migration(v, description, statements(text)));
            } catch (IOException e) {
                throw new StoreException("Cannot read migration " + name, e);
            }
        }
        return out;
    }

    /** The newest version the code knows. */
    public static int latest(Dialect dialect) { return all(dialect).size(); }

    static void migrate(Database db) {
        List<Migration> migrations = all(db.dialect());
        try (Connection c = db.connect()) {
            if (db.dialect() == Dialect.POSTGRESQL) Database.execute(c, "SELECT pg_advisory_lock(" + PG_LOCK_KEY + ")");
            try {
                c.setAutoCommit(false);
                Database.execute(c, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        + "description TEXT NOT NULL, applied_at BIGINT NOT NULL)");
                int current = currentVersion(c);
                if (current > migrations.size()) {
                    c.rollback();
                    throw new StoreException("The database " + db.redactedUrl() + " has schema version " + current
                            + " but this akguard knows only up to " + migrations.size() + ": upgrade akguard.");
                }
                for (Migration m : migrations.subList(current, migrations.size())) {
                    for (String sql : m.statements()) Database.execute(c, sql);
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                        ps.setInt(1, m.version());
                        ps.setString(2, m.description());
                        ps.setLong(3, System.currentTimeMillis());
                        ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
                if (db.dialect() == Dialect.POSTGRESQL) Database.execute(c, "SELECT pg_advisory_unlock(" + PG_LOCK_KEY + ")");
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot open or upgrade the monitor database " + db.redactedUrl() + ": " + e.getMessage(), e);
        }
    }

    static int currentVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(version), 0) FROM schema_version");
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
