package dev.akguard.monitor.runtime;

import dev.akguard.monitor.calls.CallTracker;
import dev.akguard.monitor.model.KeyCheck;
import dev.akguard.monitor.notify.outbox.DispatchReport;
import dev.akguard.monitor.settings.SettingsException;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.StoreException;
import dev.akguard.monitor.verify.AlertVerifier;
import dev.akguard.monitor.verify.DetectionVerifier;
import java.util.List;
import java.util.logging.Logger;

/**
 * What follows each watch cycle, in order: validate the alerts just found (secret still in memory),
 * retry the re-verify queue (secret re-fetched), refresh the calls of VALID open leaks and raise
 * anomalies over them, then deliver due notifications. Each step fails on its own (logged, retried
 * next cycle) so one outage (no admin credentials, ActionTrail down, SMTP refused) never stops the
 * others or the watcher.
 */
public final class AfterCycle {
    private static final Logger LOG = Logger.getLogger(AfterCycle.class.getName());

    /** Re-verifications per cycle, so a backlog never delays polling for long. */
    static final int VERIFY_BATCH = 20;

    /** What one pass did. */
    public record Report(
            int verified,
            int reverified,
            int reverifyFailed,
            int keysFetched,
            int newCalls,
            int anomalies,
            DispatchReport delivery,
            List<String> problems) {
        public String summary() {
            return "verified "
                    + verified
                    + " new alert(s), re-verified "
                    + reverified
                    + (reverifyFailed > 0 ? " (" + reverifyFailed + " failed)" : "")
                    + "; fetched calls of "
                    + keysFetched
                    + " key(s) ("
                    + newCalls
                    + " new), "
                    + anomalies
                    + " new anomal"
                    + (anomalies == 1 ? "y" : "ies")
                    + "; notifications: "
                    + delivery.delivered()
                    + " delivered, "
                    + delivery.retrying()
                    + " to retry, "
                    + delivery.dead()
                    + " dead";
        }
    }

    private final MonitorRuntime runtime;
    private final DetectionVerifier detection;
    private final boolean verify;
    private boolean firstPass = true;

    /**
     * @param verify false: skip verification (the watcher records alerts UNVERIFIED; `monitor
     *     verify` checks later)
     */
    public AfterCycle(MonitorRuntime runtime, DetectionVerifier detection, boolean verify) {
        this.runtime = runtime;
        this.detection = detection;
        this.verify = verify;
    }

    public Report run() throws InterruptedException {
        List<String> problems = new java.util.ArrayList<>();
        List<KeyCheck> verified = verify ? detection.verifyPending() : List.of();
        AlertVerifier.QueueReport queue =
                verify
                        ? runtime.verifier().retryDue(AlertStore.WATCHER, VERIFY_BATCH)
                        : new AlertVerifier.QueueReport(0, 0);
        CallTracker.Report calls = new CallTracker.Report(0, 0);
        int anomalies = 0;
        try {
            calls = runtime.callTracker().refresh();
        } catch (
                RuntimeException
                        e) { // no admin credentials, ActionTrail refused or down: next cycle tries
            // again
            problems.add("call records not refreshed: " + e.getMessage());
        }
        // The rules only see something new when records or leaks are new (the first pass also
        // catches up on
        // records stored by other instances or by `anomalies --refresh`).
        if (firstPass || calls.newRecords() > 0 || !verified.isEmpty() || queue.verified() > 0) {
            try {
                anomalies = runtime.anomalyRaiser().raiseNew().size();
                firstPass = false;
            } catch (SettingsException | StoreException e) {
                problems.add("anomaly detection failed: " + e.getMessage());
            }
        }
        DispatchReport delivery = DispatchReport.EMPTY;
        try {
            delivery = runtime.notifications().deliverDue();
        } catch (SettingsException
                | StoreException
                | dev.akguard.monitor.notify.outbox.OutboxException e) {
            problems.add("notifications not delivered: " + e.getMessage());
        }
        for (String p : problems) LOG.warning(p);
        return new Report(
                verified.size(),
                queue.verified(),
                queue.failed(),
                calls.keysFetched(),
                calls.newRecords(),
                anomalies,
                delivery,
                List.copyOf(problems));
    }
}
