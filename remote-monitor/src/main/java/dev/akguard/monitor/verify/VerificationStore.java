package dev.akguard.monitor.verify;

import dev.akguard.monitor.retry.Backoff;

import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.model.KeyCheck;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.store.AlertNotFoundException;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verification results on the {@code alerts} rows (validity, account, ARN, detail) and the re-verify queue: an
 * alert whose check gave no verdict (UNKNOWN), or was never checked, is due again after a backoff. The secret is
 * never stored; the queue re-fetches it from the recorded occurrence.
 */
public final class VerificationStore {

    /** History action of every verification. */
    public static final String VERIFIED = "verified";
    /** History action when the secret could not be recovered or the check could not run. */
    public static final String VERIFY_FAILED = "verify-failed";

    /** Re-verify attempts before an alert leaves the queue (then only `monitor verify` re-checks it). */
    static final int MAX_ATTEMPTS = 8;
    /** An unanswered check is retried after 5 min, doubling up to 6 h, for as long as the alert is open. */
    static final Backoff RETRY = Backoff.unbounded(Duration.ofMinutes(5), Duration.ofHours(6), Backoff.Jitter.NONE);

    /** What is known about an alert's last verification. */
    public record Details(Validity validity, String accountId, String arn, Instant verifiedAt, String detail,
                          int attempts, Instant nextVerifyAt) { }

    /** What recording a result did: the validity before, and whether another check is scheduled. */
    public record Recorded(Validity before, boolean retryScheduled) { }

    /** An alert waiting for (re-)verification. */
    public record Due(long alertId, String accessKeyId, int attempts) { }

    private final Database db;

    public VerificationStore(Database db) { this.db = db; }

    /**
     * Stores a result inside the caller's transaction and records it in the alert's history. UNKNOWN schedules a
     * retry with backoff (until {@link #MAX_ATTEMPTS}); a verdict clears the queue.
     */
    public Recorded record(Connection c, long alertId, KeyCheck r, Instant at, String by, String how) throws SQLException {
        Validity before;
        int attempts;
        try (PreparedStatement ps = c.prepareStatement("SELECT validity, verify_attempts FROM alerts WHERE id = ?" + db.dialect().forUpdate())) {
            ps.setLong(1, alertId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new AlertNotFoundException(alertId);
                before = Validity.valueOf(rs.getString(1));
                attempts = rs.getInt(2);
            }
        }
        boolean unknown = r.validity() == Validity.UNKNOWN;
        int nextAttempts = unknown ? attempts + 1 : 0;
        boolean retry = unknown && nextAttempts < MAX_ATTEMPTS;
        try (PreparedStatement ps = c.prepareStatement("UPDATE alerts SET validity = ?, account_id = COALESCE(?, account_id), "
                + "arn = COALESCE(?, arn), verified_at = ?, verify_detail = ?, verify_attempts = ?, next_verify_at = ? WHERE id = ?")) {
            ps.setString(1, r.validity().name());
            ps.setString(2, r.accountId());
            ps.setString(3, r.arn());
            ps.setLong(4, at.toEpochMilli());
            ps.setString(5, r.detail());
            ps.setInt(6, nextAttempts);
            if (retry) ps.setLong(7, at.plus(RETRY.delay(nextAttempts)).toEpochMilli());
            else ps.setNull(7, java.sql.Types.BIGINT);
            ps.setLong(8, alertId);
            ps.executeUpdate();
        }
        String note = r.validity() + (r.accountId() == null ? "" : " (account " + r.accountId() + ")") + ": " + r.detail()
                + (how == null ? "" : " [" + how + "]");
        AlertStore.addHistory(c, alertId, at, by, VERIFIED, note);
        return new Recorded(before, retry);
    }

    /** Records that a check could not run (secret gone, GitHub down); retried later like an UNKNOWN. */
    public void recordFailure(long alertId, Instant at, String by, String message, boolean retry) {
        db.transactionUninterruptibly(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE alerts SET verify_attempts = verify_attempts + 1, verify_detail = ?, "
                    + "next_verify_at = CASE WHEN ? AND verify_attempts + 1 < ? THEN ? ELSE NULL END WHERE id = ?")) {
                ps.setString(1, message);
                ps.setBoolean(2, retry);
                ps.setInt(3, MAX_ATTEMPTS);
                ps.setLong(4, at.plus(RETRY.initial().multipliedBy(4)).toEpochMilli());
                ps.setLong(5, alertId);
                if (ps.executeUpdate() == 0) throw new AlertNotFoundException(alertId);
            }
            AlertStore.addHistory(c, alertId, at, by, VERIFY_FAILED, message);
            return null;
        });
    }

    /** Unhandled alerts never checked or without a verdict whose retry is due, oldest first. */
    public List<Due> due(Instant now, int limit) {
        return db.transactionUninterruptibly(c -> {
            List<Due> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, access_key_id, verify_attempts FROM alerts WHERE status = ? "
                    + "AND validity IN ('UNKNOWN', 'UNVERIFIED') AND verify_attempts < ? "
                    + "AND (next_verify_at IS NULL AND verify_attempts = 0 OR next_verify_at <= ?) ORDER BY id LIMIT ?")) {
                ps.setString(1, AlertStatus.UNHANDLED.name());
                ps.setInt(2, MAX_ATTEMPTS);
                ps.setLong(3, now.toEpochMilli());
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new Due(rs.getLong(1), rs.getString(2), rs.getInt(3)));
                }
            }
            return out;
        });
    }

    public Optional<Details> details(long alertId) {
        return db.transactionUninterruptibly(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT validity, account_id, arn, verified_at, verify_detail, verify_attempts, "
                    + "next_verify_at FROM alerts WHERE id = ?")) {
                ps.setLong(1, alertId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.<Details>empty();
                    long verified = rs.getLong(4);
                    Instant verifiedAt = rs.wasNull() ? null : Instant.ofEpochMilli(verified);
                    long next = rs.getLong(7);
                    Instant nextAt = rs.wasNull() ? null : Instant.ofEpochMilli(next);
                    return Optional.of(new Details(Validity.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3), verifiedAt,
                            rs.getString(5), rs.getInt(6), nextAt));
                }
            }
        });
    }
}
