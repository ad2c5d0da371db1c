package dev.akguard.monitor.verify;

import dev.akguard.monitor.alibaba.KeyValidator;
import dev.akguard.monitor.model.KeyCheck;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.notify.AlertNotification;
import dev.akguard.monitor.notify.NotificationService;
import dev.akguard.monitor.notify.NotificationSettings;
import dev.akguard.monitor.notify.Notifier;
import dev.akguard.monitor.notify.outbox.JdbcOutbox;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.Occurrence;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks a leaked pair with {@link KeyValidator} and, in one transaction, stores the result on the
 * alert, records it in the alert's history and queues the alert's notifications when the policy
 * lets its validity notify (only VALID by default). The outbox's unique key makes a repeated check
 * queue nothing twice. The plaintext secret is a parameter only: it is never stored, logged or
 * returned.
 */
public final class LeakVerifier {
    private final KeyValidator validator;
    private final Database db;
    private final VerificationStore verifications;
    private final AlertStore alerts;
    private final NotificationService notifications;
    private final Clock clock;

    public LeakVerifier(
            KeyValidator validator, Database db, NotificationService notifications, Clock clock) {
        this.validator = validator;
        this.db = db;
        this.verifications = new VerificationStore(db);
        this.alerts = new AlertStore(db, clock);
        this.notifications = notifications;
        this.clock = clock;
    }

    public VerificationStore store() {
        return verifications;
    }

    /**
     * Validates and records. Returns empty when the alert no longer matches (its recording
     * transaction was rolled back after the watcher announced it): nothing is stored then.
     *
     * @param how how the secret was obtained, for the history ("at detection", "re-fetched from
     *     ...")
     */
    public Optional<KeyCheck> verify(
            long alertId,
            String accessKeyId,
            String secretSha256,
            String secret,
            String by,
            String how) {
        return verify(alertId, accessKeyId, secretSha256, secret, null, by, how);
    }

    /**
     * With the security token of STS credentials (null for long-term keys); it is used for the
     * check only.
     */
    public Optional<KeyCheck> verify(
            long alertId,
            String accessKeyId,
            String secretSha256,
            String secret,
            String securityToken,
            String by,
            String how) {
        KeyCheck result = validator.validate(accessKeyId, secret, securityToken);
        return record(alertId, accessKeyId, secretSha256, result, by, how);
    }

    /** Stores an already obtained result (same transaction rules as {@link #verify}). */
    public Optional<KeyCheck> record(
            long alertId,
            String accessKeyId,
            String secretSha256,
            KeyCheck result,
            String by,
            String how) {
        Instant now = clock.instant();
        NotificationSettings settings =
                notifications.settings(); // read before the write transaction, not inside it
        boolean stored =
                db.transactionUninterruptibly(
                        c -> {
                            Optional<AlertStore.PairFacts> facts =
                                    alerts.pairFacts(c, alertId, accessKeyId, secretSha256);
                            if (facts.isEmpty()) return false;
                            String redacted = facts.get().secretRedacted(),
                                    accountId = facts.get().accountId();
                            VerificationStore.Recorded recorded =
                                    verifications.record(c, alertId, result, now, by, how);
                            // No verdict yet: nobody is told while the re-verify queue will try
                            // again. When it gives up, the
                            // UNKNOWN alert is notified if the policy notifies every leak.
                            if (result.validity() == Validity.UNVERIFIED
                                    || recorded.retryScheduled()) return true;
                            Occurrence latest = alerts.latestOccurrence(c, alertId).orElse(null);
                            AlertNotification n =
                                    new AlertNotification(
                                            alertId,
                                            accessKeyId,
                                            redacted,
                                            result.validity(),
                                            result.accountId() != null
                                                    ? result.accountId()
                                                    : accountId,
                                            latest == null ? null : latest.repo(),
                                            latest == null ? null : latest.path(),
                                            latest == null ? null : latest.line(),
                                            latest == null ? null : latest.url());
                            JdbcOutbox.enqueue(c, new Notifier(settings, clock).plan(n), now);
                            return true;
                        });
        return stored ? Optional.of(result) : Optional.empty();
    }
}
