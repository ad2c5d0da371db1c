package dev.akguard.monitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Owns {@code scan_gaps}: published content the watcher could not (fully) scan — a file beyond the
 * size limit, a repository too big or too slow to clone. Recording the same gap again (a re-scan)
 * keeps one row.
 */
public final class ScanGapStore {

    /** One recorded gap; {@code commit} and {@code path} are empty for a whole repository. */
    public record Gap(
            long id,
            String repo,
            String commit,
            String path,
            String reason,
            String eventId,
            Instant recordedAt) {}

    private final Database db;

    public ScanGapStore(Database db) {
        this.db = db;
    }

    /** In the caller's transaction (the one that completes the push). */
    public void record(
            Connection c,
            String repo,
            String commit,
            String path,
            String reason,
            String eventId,
            Instant now)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO scan_gaps (repo, commit_sha, path, reason, event_id, recorded_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (repo, commit_sha, path) DO NOTHING")) {
            ps.setString(1, repo);
            ps.setString(2, commit == null ? "" : commit);
            ps.setString(3, path == null ? "" : path);
            ps.setString(4, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            ps.setString(5, eventId);
            ps.setLong(6, now.toEpochMilli());
            ps.executeUpdate();
        }
    }

    /** Newest first; {@code repo} null for all. */
    public List<Gap> list(String repo, int limit) {
        return db.transactionUninterruptibly(
                c -> {
                    List<Gap> out = new ArrayList<>();
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT id, repo, commit_sha, path, reason, event_id, recorded_at FROM scan_gaps "
                                            + (repo == null ? "" : "WHERE repo = ? ")
                                            + "ORDER BY recorded_at DESC, id DESC LIMIT ?")) {
                        int i = 1;
                        if (repo != null) ps.setString(i++, repo);
                        ps.setInt(i, limit);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(
                                        new Gap(
                                                rs.getLong(1),
                                                rs.getString(2),
                                                rs.getString(3),
                                                rs.getString(4),
                                                rs.getString(5),
                                                rs.getString(6),
                                                Instant.ofEpochMilli(rs.getLong(7))));
                            }
                        }
                    }
                    return out;
                });
    }

    public long count() {
        return db.transactionUninterruptibly(
                c -> {
                    try (PreparedStatement ps =
                                    c.prepareStatement("SELECT COUNT(*) FROM scan_gaps");
                            ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getLong(1) : 0L;
                    }
                });
    }
}
