package dev.akguard.monitor.verify;

import dev.akguard.monitor.model.KeyCheck;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The verification policy on top of {@link AlertStore} (which owns the {@code alerts} rows): an
 * alert whose check gave no verdict (UNKNOWN), or was never checked, is due again after a backoff.
 * The secret is never stored; the queue re-fetches it from the recorded occurrence.
 */
public final class VerificationStore {

    /** History action of every verification. */
    public static final String VERIFIED = "verified";

    /** History action when the secret could not be recovered or the check could not run. */
    public static final String VERIFY_FAILED = "verify-failed";

    /**
     * Re-verify attempts before an alert leaves the queue (then only `monitor verify` re-checks
     * it).
     */
    static final int MAX_ATTEMPTS = 8;

    /**
     * An unanswered check is retried after 5 min, doubling up to 6 h, for as long as the alert is
     * open.
     */
    static final Backoff RETRY =
            Backoff.unbounded(Duration.ofMinutes(5), Duration.ofHours(6), Backoff.Jitter.NONE);

    /** What recording a result did: the validity before, and whether another check is scheduled. */
    public record Recorded(Validity before, boolean retryScheduled) {}

    private final Database db;
    private final AlertStore alerts;

    public VerificationStore(Database db) {
        this.db = db;
        this.alerts = new AlertStore(db, Clock.systemUTC());
    }

    /**
     * Stores a result inside the caller's transaction and records it in the alert's history.
     * UNKNOWN schedules a retry with backoff (until {@link #MAX_ATTEMPTS}); a verdict clears the
     * queue.
     */
    public Recorded record(
            Connection c, long alertId, KeyCheck r, Instant at, String by, String how)
            throws SQLException {
        AlertStore.VerifyState state = alerts.lockVerifyState(c, alertId);
        boolean unknown = r.validity() == Validity.UNKNOWN;
        int nextAttempts = unknown ? state.attempts() + 1 : 0;
        boolean retry = unknown && nextAttempts < MAX_ATTEMPTS;
        alerts.setVerification(
                c,
                alertId,
                r.validity(),
                r.accountId(),
                r.arn(),
                r.detail(),
                at,
                nextAttempts,
                retry ? at.plus(RETRY.delay(nextAttempts)) : null);
        String note =
                r.validity()
                        + (r.accountId() == null ? "" : " (account " + r.accountId() + ")")
                        + ": "
                        + r.detail()
                        + (how == null ? "" : " [" + how + "]");
        AlertStore.addHistory(c, alertId, at, by, VERIFIED, note);
        return new Recorded(state.validity(), retry);
    }

    /**
     * Records that a check could not run (secret gone, GitHub down); retried later like an UNKNOWN.
     */
    public void recordFailure(long alertId, Instant at, String by, String message, boolean retry) {
        db.transactionUninterruptibly(
                c -> {
                    alerts.setVerifyFailure(
                            c,
                            alertId,
                            message,
                            retry ? at.plus(RETRY.initial().multipliedBy(4)) : null,
                            MAX_ATTEMPTS);
                    AlertStore.addHistory(c, alertId, at, by, VERIFY_FAILED, message);
                    return null;
                });
    }

    /** Unhandled alerts never checked or without a verdict whose retry is due, oldest first. */
    public List<AlertStore.VerifyDue> due(Instant now, int limit) {
        return alerts.dueForVerification(now, MAX_ATTEMPTS, limit);
    }

    public Optional<AlertStore.VerifyDetails> details(long alertId) {
        return alerts.verifyDetails(alertId);
    }
}
