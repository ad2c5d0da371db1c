package dev.akguard.monitor.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Shares the watcher's work between instances: poll cursors (one instance polls a source at a time)
 * and the push queue (each PushEvent processed by one instance at a time). Both use leases: a claim
 * names its owner and expires, so work held by a killed process is picked up again after the lease.
 * On PostgreSQL claims use {@code FOR UPDATE SKIP LOCKED}; SQLite serialises writers. Finishing a
 * claim checks the owner, so a process whose lease ran out cannot overwrite a newer owner's
 * progress.
 */
public final class WorkStore {

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";

    private final Database db;

    public WorkStore(Database db) {
        this.db = db;
    }

    /** Makes sure every configured source has a cursor row (due now). */
    public void ensureSources(Collection<String> sources, int defaultIntervalSeconds)
            throws InterruptedException {
        db.transaction(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO poll_cursors (source, poll_interval_s, next_poll_at) VALUES (?, ?, 0) "
                                            + "ON CONFLICT (source) DO NOTHING")) {
                        for (String s : sources) {
                            ps.setString(1, s);
                            ps.setInt(2, defaultIntervalSeconds);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                    return null;
                });
    }

    /** Claims one due, unclaimed source among {@code sources} for {@code lease}. */
    public Optional<PollCursor> claimDueSource(
            Collection<String> sources, String owner, Instant now, Duration lease)
            throws InterruptedException {
        if (sources.isEmpty()) return Optional.empty();
        return db.transaction(
                c -> {
                    String in =
                            String.join(", ", java.util.Collections.nCopies(sources.size(), "?"));
                    PollCursor cursor = null;
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT source, etag, last_event_id, poll_interval_s, next_poll_at, failures "
                                            + "FROM poll_cursors WHERE source IN ("
                                            + in
                                            + ") AND next_poll_at <= ? AND claimed_until < ? "
                                            + "ORDER BY next_poll_at, source LIMIT 1"
                                            + db.dialect().forUpdateSkipLocked())) {
                        int i = 1;
                        for (String s : sources) ps.setString(i++, s);
                        ps.setLong(i++, now.toEpochMilli());
                        ps.setLong(i, now.toEpochMilli());
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next())
                                cursor =
                                        new PollCursor(
                                                rs.getString(1),
                                                rs.getString(2),
                                                rs.getString(3),
                                                rs.getInt(4),
                                                rs.getLong(5),
                                                rs.getInt(6));
                        }
                    }
                    if (cursor == null) return Optional.<PollCursor>empty();
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE poll_cursors SET claimed_by = ?, claimed_until = ? WHERE source = ?")) {
                        ps.setString(1, owner);
                        ps.setLong(2, now.plus(lease).toEpochMilli());
                        ps.setString(3, cursor.source());
                        ps.executeUpdate();
                    }
                    return Optional.of(cursor);
                });
    }

    /**
     * Saves a source's new position and releases the claim, in the caller's transaction (together
     * with whatever the poll produced). Returns false, and changes nothing, if the claim was lost:
     * the caller must roll back.
     */
    public boolean advanceSource(Connection c, PollCursor updated, String owner, Instant now)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE poll_cursors SET etag = ?, last_event_id = ?, poll_interval_s = ?, "
                                + "next_poll_at = ?, failures = ?, last_error = NULL, claimed_by = NULL, claimed_until = 0, updated_at = ? "
                                + "WHERE source = ? AND claimed_by = ?")) {
            ps.setString(1, updated.etag());
            ps.setString(2, updated.lastEventId());
            ps.setInt(3, updated.pollIntervalSeconds());
            ps.setLong(4, updated.nextPollAt());
            ps.setInt(5, updated.failures());
            ps.setLong(6, now.toEpochMilli());
            ps.setString(7, updated.source());
            ps.setString(8, owner);
            return ps.executeUpdate() == 1;
        }
    }

    /** Releases a source after a failed poll, not before {@code retryAt}. */
    public void failSource(String source, String owner, Instant retryAt, String error)
            throws InterruptedException {
        db.transaction(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE poll_cursors SET next_poll_at = ?, failures = failures + 1, last_error = ?, "
                                            + "claimed_by = NULL, claimed_until = 0 WHERE source = ? AND claimed_by = ?")) {
                        ps.setLong(1, retryAt.toEpochMilli());
                        ps.setString(2, truncate(error));
                        ps.setString(3, source);
                        ps.setString(4, owner);
                        ps.executeUpdate();
                    }
                    return null;
                });
    }

    /** Earliest next poll among the sources (epoch millis), or Long.MAX_VALUE. */
    public long nextPollAt(Collection<String> sources) throws InterruptedException {
        if (sources.isEmpty()) return Long.MAX_VALUE;
        return db.transaction(
                c -> {
                    String in =
                            String.join(", ", java.util.Collections.nCopies(sources.size(), "?"));
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT MIN(CASE WHEN claimed_until > next_poll_at THEN claimed_until ELSE next_poll_at END) "
                                            + "FROM poll_cursors WHERE source IN ("
                                            + in
                                            + ")")) {
                        int i = 1;
                        for (String s : sources) ps.setString(i++, s);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            long v = rs.getLong(1);
                            return rs.wasNull() ? Long.MAX_VALUE : v;
                        }
                    }
                });
    }

    /**
     * Queues pushes in the caller's transaction; an event already queued (by anyone) is skipped.
     */
    public int enqueue(Connection c, String source, List<QueuedPush> pushes, Instant now)
            throws SQLException {
        int added = 0;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO push_queue (event_id, source, repo, ref, before_sha, head_sha, actor, "
                                + "created_at, enqueued_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '"
                                + PENDING
                                + "') ON CONFLICT (event_id) DO NOTHING")) {
            for (QueuedPush p : pushes) {
                ps.setString(1, p.eventId());
                ps.setString(2, source);
                ps.setString(3, p.repo());
                ps.setString(4, p.ref());
                ps.setString(5, p.before());
                ps.setString(6, p.head());
                ps.setString(7, p.actor());
                if (p.createdAt() == null) ps.setNull(8, Types.BIGINT);
                else ps.setLong(8, p.createdAt().toEpochMilli());
                ps.setLong(9, now.toEpochMilli());
                added += ps.executeUpdate();
            }
        }
        return added;
    }

    /** Claims up to {@code max} due pushes (pending, or claimed by someone whose lease ran out). */
    public List<QueuedPush> claimPushes(String owner, int max, Instant now, Duration lease)
            throws InterruptedException {
        return db.transaction(
                c -> {
                    List<QueuedPush> out = new ArrayList<>();
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT event_id, source, repo, ref, before_sha, head_sha, actor, created_at, attempts "
                                            + "FROM push_queue WHERE status = '"
                                            + PENDING
                                            + "' AND next_attempt_at <= ? AND claimed_until < ? "
                                            + "ORDER BY enqueued_at, event_id LIMIT ?"
                                            + db.dialect().forUpdateSkipLocked())) {
                        ps.setLong(1, now.toEpochMilli());
                        ps.setLong(2, now.toEpochMilli());
                        ps.setInt(3, max);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                long created = rs.getLong(8);
                                Instant createdAt =
                                        rs.wasNull() ? null : Instant.ofEpochMilli(created);
                                out.add(
                                        new QueuedPush(
                                                rs.getString(1),
                                                rs.getString(2),
                                                rs.getString(3),
                                                rs.getString(4),
                                                rs.getString(5),
                                                rs.getString(6),
                                                rs.getString(7),
                                                createdAt,
                                                rs.getInt(9)));
                            }
                        }
                    }
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE push_queue SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1 "
                                            + "WHERE event_id = ?")) {
                        for (QueuedPush p : out) {
                            ps.setString(1, owner);
                            ps.setLong(2, now.plus(lease).toEpochMilli());
                            ps.setString(3, p.eventId());
                            ps.addBatch();
                        }
                        if (!out.isEmpty()) ps.executeBatch();
                    }
                    return out;
                });
    }

    /**
     * Marks a push done in the caller's transaction (the one that recorded its alerts). Returns
     * false if another instance finished it first; the caller then rolls back (its recordings would
     * be duplicates of nothing new, but rolling back keeps history and notifications single).
     */
    public boolean completePush(Connection c, String eventId, String owner, Instant now)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE push_queue SET status = '"
                                + DONE
                                + "', done_at = ?, claimed_by = NULL, "
                                + "claimed_until = 0, last_error = NULL WHERE event_id = ? AND status = '"
                                + PENDING
                                + "' AND claimed_by = ?")) {
            ps.setLong(1, now.toEpochMilli());
            ps.setString(2, eventId);
            ps.setString(3, owner);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Releases a push after a failure; after {@code maxAttempts} it is parked as FAILED for a human
     * to look at.
     */
    public void failPush(
            String eventId, String owner, Instant retryAt, String error, int maxAttempts)
            throws InterruptedException {
        db.transaction(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE push_queue SET status = CASE WHEN attempts >= ? THEN '"
                                            + FAILED
                                            + "' ELSE '"
                                            + PENDING
                                            + "' END, next_attempt_at = ?, last_error = ?, claimed_by = NULL, claimed_until = 0 "
                                            + "WHERE event_id = ? AND claimed_by = ?")) {
                        ps.setInt(1, maxAttempts);
                        ps.setLong(2, retryAt.toEpochMilli());
                        ps.setString(3, truncate(error));
                        ps.setString(4, eventId);
                        ps.setString(5, owner);
                        ps.executeUpdate();
                    }
                    return null;
                });
    }

    /**
     * Forgets pushes finished before {@code cutoff}. Their alerts stay; the rows only guard against
     * queueing the same event twice while it can still appear in a feed (GitHub's feeds hold the
     * last 300 events).
     */
    public int pruneDone(Instant cutoff) throws InterruptedException {
        return db.transaction(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "DELETE FROM push_queue WHERE status = '"
                                            + DONE
                                            + "' AND done_at < ?")) {
                        ps.setLong(1, cutoff.toEpochMilli());
                        return ps.executeUpdate();
                    }
                });
    }

    /** Pushes not yet done: {pending, failed}. */
    public long[] queueCounts() throws InterruptedException {
        return db.transaction(
                c -> {
                    long[] out = new long[2];
                    try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "SELECT status, COUNT(*) FROM push_queue WHERE status <> '"
                                                    + DONE
                                                    + "' GROUP BY status");
                            ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (PENDING.equals(rs.getString(1))) out[0] = rs.getLong(2);
                            else out[1] += rs.getLong(2);
                        }
                    }
                    return out;
                });
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
