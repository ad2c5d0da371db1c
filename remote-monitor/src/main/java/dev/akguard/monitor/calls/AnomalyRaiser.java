package dev.akguard.monitor.calls;

import dev.akguard.monitor.anomaly.AnomalyDetector;
import dev.akguard.monitor.anomaly.DetectionContext;
import dev.akguard.monitor.anomaly.RaisedAnomaly;
import dev.akguard.monitor.model.CallRecord;
import dev.akguard.monitor.notify.AnomalyNotification;
import dev.akguard.monitor.notify.NotificationService;
import dev.akguard.monitor.notify.Notifier;
import dev.akguard.monitor.notify.outbox.JdbcOutbox;
import dev.akguard.monitor.notify.outbox.OutboxEntry;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs the anomaly rules over the stored call records and raises each new anomaly as an alert of
 * its own kind: in one transaction the anomaly row (its dedupe key makes a re-run raise nothing
 * twice), its history and its notifications (one outbox row per channel, kind {@code anomaly:<id>}
 * so every anomaly of a leak gets its own).
 */
public final class AnomalyRaiser {
    private static final Logger LOG = Logger.getLogger(AnomalyRaiser.class.getName());
    public static final String BY = "akguard-anomalies";

    private final Database db;
    private final CallRecordStore records;
    private final AnomalyStore anomalies;
    private final AnomalyDetector detector;
    private final NotificationService notifications;
    private final Duration window;
    private final Clock clock;

    /**
     * @param window how far back records are read (the rate rule's baseline plus a day)
     */
    public AnomalyRaiser(
            Database db,
            AnomalyDetector detector,
            NotificationService notifications,
            Duration window,
            Clock clock) {
        this.db = db;
        this.records = new CallRecordStore(db);
        this.anomalies = new AnomalyStore(db, clock);
        this.detector = detector;
        this.notifications = notifications;
        this.window = window;
        this.clock = clock;
    }

    /** Detects over the stored records and raises what is new. Returns the new anomalies' ids. */
    public List<Long> raiseNew() {
        Instant now = clock.instant();
        List<CallRecord> calls = records.since(now.minus(window));
        Map<String, Instant> leakedAt = new HashMap<>();
        Map<String, Long> alertByKey = new HashMap<>();
        for (AlertStore.LeakedKey k : new AlertStore(db, clock).leakedKeys()) {
            leakedAt.put(k.accessKeyId(), k.firstSeen());
            alertByKey.put(k.accessKeyId(), k.latestAlertId());
        }
        List<RaisedAnomaly> found = detector.detect(calls, DetectionContext.of(leakedAt));
        Notifier notifier =
                new Notifier(
                        notifications.settings(),
                        clock); // settings read outside the write transactions
        List<Long> raised = new ArrayList<>();
        for (RaisedAnomaly r : found) {
            Long alertId = alertByKey.get(r.anomaly().accessKeyId());
            Optional<Long> id =
                    db.transactionUninterruptibly(
                            c -> {
                                Optional<Long> inserted = anomalies.insert(c, r, alertId, now, BY);
                                if (inserted.isEmpty()) return inserted;
                                if (alertId == null) {
                                    LOG.warning(
                                            () ->
                                                    "anomaly "
                                                            + inserted.get()
                                                            + " concerns "
                                                            + r.anomaly().accessKeyId()
                                                            + ", which has no leak alert: stored, not notified");
                                    return inserted;
                                }
                                List<OutboxEntry> entries = new ArrayList<>();
                                for (OutboxEntry e :
                                        notifier.plan(
                                                new AnomalyNotification(alertId, r.anomaly()))) {
                                    entries.add(
                                            new OutboxEntry(
                                                    e.channel(),
                                                    e.alertId(),
                                                    e.kind() + ":" + inserted.get(),
                                                    e.payload()));
                                }
                                JdbcOutbox.enqueue(c, entries, now);
                                return inserted;
                            });
            id.ifPresent(raised::add);
        }
        return raised;
    }

    public AnomalyStore store() {
        return anomalies;
    }
}
