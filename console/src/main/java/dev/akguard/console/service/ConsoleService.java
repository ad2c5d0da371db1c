package dev.akguard.console.service;

import dev.akguard.console.auth.Principal;
import dev.akguard.console.json.AlertExtras;
import dev.akguard.monitor.act.KeyHandler;
import dev.akguard.monitor.alibaba.CallRecordException;
import dev.akguard.monitor.calls.AnomalyStore;
import dev.akguard.monitor.calls.CallRecordStore;
import dev.akguard.monitor.calls.StoredAnomaly;
import dev.akguard.monitor.model.CallRecord;
import dev.akguard.monitor.model.HandlingMethod;
import dev.akguard.monitor.notify.NotificationSettings;
import dev.akguard.monitor.notify.outbox.InboxMessage;
import dev.akguard.monitor.notify.outbox.OutboxItem;
import dev.akguard.monitor.notify.outbox.OutboxStatus;
import dev.akguard.monitor.runtime.MonitorRuntime;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.AlertNotFoundException;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.verify.AlertVerifier;
import dev.akguard.monitor.verify.VerificationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The console's one door into the monitor: every page, API call and webhook goes through here, so
 * changes to the monitor's classes are absorbed in this file. Actions take the {@link Principal}
 * and record its name in history; role checks happen before (in the web layer), the state machine's
 * rules here (the monitor refuses illegal moves).
 */
public final class ConsoleService {
    private final MonitorRuntime runtime;
    private final Database db;
    private final Clock clock;
    private final AlertStore alerts;
    private final AlertQuery query;
    private final VerificationStore verifications;
    private final CallRecordStore callRecords;

    public ConsoleService(MonitorRuntime runtime) {
        this.runtime = runtime;
        this.db = runtime.database();
        this.clock = runtime.clock();
        this.alerts = new AlertStore(db, clock);
        this.query = new AlertQuery(db);
        this.verifications = new VerificationStore(db);
        this.callRecords = runtime.callRecords();
    }

    public Database database() {
        return db;
    }

    public Clock clock() {
        return clock;
    }

    public AlertQuery query() {
        return query;
    }

    // ---- leaks
    // --------------------------------------------------------------------------------------------

    public AlertQuery.Page list(AlertFilter filter) {
        return query.list(filter);
    }

    public Alert alert(long id) {
        return alerts.find(id).orElseThrow(() -> new AlertNotFoundException(id));
    }

    public AlertDetail detail(long id) {
        Alert a = alert(id);
        var inventory = runtime.inventory();
        List<StoredAnomaly> anomalies =
                anomalyStore().list(null).stream()
                        .filter(s -> s.alertId() != null && s.alertId() == id)
                        .toList();
        return new AlertDetail(
                a,
                verifications.details(id),
                inventory.find(a.accessKeyId()),
                !inventory.all().isEmpty(),
                callRecords.forKey(a.accessKeyId()),
                anomalies);
    }

    /** The API's alert objects: the CLI's JSON shape, extras included. */
    public AlertExtras extras() {
        return new AlertExtras(db);
    }

    public Alert handle(long id, HandlingMethod method, String note, Principal who) {
        return alerts.handle(id, method, who.actor(), note(note));
    }

    /**
     * The --apply path: RAM disable/delete, re-verify, record (KeyHandler keeps the safety rules).
     */
    public KeyHandler.Result applyThroughRam(
            long id, HandlingMethod method, String note, Principal who)
            throws InterruptedException {
        return runtime.keyHandler().apply(id, method, who.actor(), note(note));
    }

    public Alert unwhitelist(long id, String note, Principal who) {
        return alerts.unwhitelist(id, who.actor(), note(note));
    }

    public AlertVerifier.Outcome verify(long id, Principal who) throws InterruptedException {
        alert(id);
        return runtime.verifier().verify(id, who.actor());
    }

    /**
     * Fetches the key's calls of the last 7 days from ActionTrail, stores the new ones, raises
     * anomalies over them. Returns how many new records were stored.
     */
    public int refreshCalls(long id, Principal who) {
        Alert a = alert(id);
        Instant end = clock.instant();
        List<CallRecord> fetched =
                runtime.callRecordClient()
                        .lookup(
                                a.accessKeyId(),
                                end.minus(Duration.ofDays(7)),
                                end,
                                runtime.config().calls().regions());
        int added =
                db.transactionUninterruptibly(
                        c -> {
                            int n = callRecords.store(c, a.accessKeyId(), fetched, end);
                            AlertStore.addHistory(
                                    c,
                                    id,
                                    end,
                                    who.actor(),
                                    "calls-refreshed",
                                    fetched.size()
                                            + " call record(s) fetched from ActionTrail, "
                                            + n
                                            + " new");
                            return n;
                        });
        if (added > 0) runtime.anomalyRaiser().raiseNew();
        return added;
    }

    public List<CallRecord> calls(String accessKeyId, Instant from, Instant to) {
        return callRecords.forKey(accessKeyId).stream()
                .filter(
                        r ->
                                (from == null || !r.eventTime().isBefore(from))
                                        && (to == null || r.eventTime().isBefore(to)))
                .toList();
    }

    // ---- anomalies
    // ----------------------------------------------------------------------------------------

    public List<StoredAnomaly> anomalies(Instant since) {
        return anomalyStore().list(since);
    }

    public StoredAnomaly anomaly(long id) {
        return anomalyStore()
                .find(id)
                .orElseThrow(() -> new NotFound(AnomalyStore.notFound(id).getMessage()));
    }

    public StoredAnomaly handleAnomaly(long id, HandlingMethod method, String note, Principal who) {
        anomaly(id);
        return anomalyStore().handle(id, method, who.actor(), note(note));
    }

    public StoredAnomaly unwhitelistAnomaly(long id, String note, Principal who) {
        anomaly(id);
        return anomalyStore().unwhitelist(id, who.actor(), note(note));
    }

    /** Something asked for by id is not there (404). */
    public static final class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    private AnomalyStore anomalyStore() {
        return runtime.anomalyRaiser().store();
    }

    // ---- notifications
    // ------------------------------------------------------------------------------------

    public NotificationSettings notificationSettings() {
        return runtime.notifications().settings();
    }

    public List<String> notificationWarnings() {
        return runtime.notifications().warnings();
    }

    public List<InboxMessage> inbox(int limit) {
        return runtime.notifications().inbox(limit);
    }

    public List<OutboxItem> outbox(OutboxStatus status, int limit) {
        return runtime.notifications().outbox(status, limit);
    }

    public int retryDeadNotifications() {
        return runtime.notifications().retryDead();
    }

    // ---- helpers
    // ------------------------------------------------------------------------------------------

    public Optional<AlertStore.VerifyDetails> verification(long id) {
        return verifications.details(id);
    }

    /** Notes are free text from a form: bounded, never null-vs-empty ambiguous. */
    static String note(String note) {
        if (note == null || note.isBlank()) return null;
        String n = note.strip();
        if (n.length() > 2000) throw new IllegalArgumentException("note: at most 2000 characters");
        return n;
    }

    /** Re-thrown by the web layer as a clear 502-style message. */
    public static boolean isUpstreamFailure(RuntimeException e) {
        return e instanceof CallRecordException
                || e instanceof dev.akguard.monitor.alibaba.RamAdminException
                || e instanceof dev.akguard.monitor.github.GitHubException;
    }
}
