package dev.akguard.monitor.verify;

import dev.akguard.monitor.model.KeyCheck;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.AlertNotFoundException;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Occurrence;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Re-checks an alert after detection (`monitor verify`, the re-verify queue, after `handle
 * --apply`): recovers the secret from the recorded occurrence ({@link SourceRefetcher}) and
 * validates it ({@link LeakVerifier}).
 */
public final class AlertVerifier {
    private static final Logger LOG = Logger.getLogger(AlertVerifier.class.getName());

    /** A verification result and the occurrence the secret was re-fetched from. */
    public record Outcome(Alert alert, KeyCheck result, Occurrence source) {}

    /** What a pass over the re-verify queue did. */
    public record QueueReport(int verified, int failed) {}

    private final AlertStore alerts;
    private final SourceRefetcher refetcher;
    private final LeakVerifier verifier;
    private final Clock clock;

    public AlertVerifier(
            AlertStore alerts, SourceRefetcher refetcher, LeakVerifier verifier, Clock clock) {
        this.alerts = alerts;
        this.refetcher = refetcher;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * @throws AlertNotFoundException no such alert
     * @throws SecretUnavailableException the secret cannot be re-fetched (recorded in the history
     *     too)
     */
    public Outcome verify(long alertId, String by) throws InterruptedException {
        Alert a = alerts.find(alertId).orElseThrow(() -> new AlertNotFoundException(alertId));
        SourceRefetcher.Recovered recovered;
        try {
            recovered = refetcher.recover(a);
        } catch (SecretUnavailableException e) {
            verifier.store()
                    .recordFailure(alertId, clock.instant(), by, e.getMessage(), !e.permanent());
            throw e;
        }
        Occurrence from = recovered.from();
        KeyCheck r =
                verifier.verify(
                                a.id(),
                                a.accessKeyId(),
                                a.secretSha256(),
                                recovered.secret(),
                                recovered.securityToken(),
                                by,
                                "secret re-fetched from "
                                        + from.repo()
                                        + "/"
                                        + from.path()
                                        + " at commit "
                                        + from.commit())
                        .orElseThrow(() -> new AlertNotFoundException(alertId));
        return new Outcome(
                alerts.find(alertId).orElseThrow(() -> new AlertNotFoundException(alertId)),
                r,
                from);
    }

    /** Re-verifies every alert whose check is due (never checked, or UNKNOWN after its backoff). */
    public QueueReport retryDue(String by, int limit) throws InterruptedException {
        int ok = 0, failed = 0;
        List<AlertStore.VerifyDue> due = verifier.store().due(clock.instant(), limit);
        for (AlertStore.VerifyDue d : due) {
            try {
                verify(d.alertId(), by);
                ok++;
            } catch (SecretUnavailableException | AlertNotFoundException e) {
                LOG.warning(
                        () ->
                                "re-verifying alert "
                                        + d.alertId()
                                        + " ("
                                        + d.accessKeyId()
                                        + "): "
                                        + e.getMessage());
                failed++;
            }
        }
        return new QueueReport(ok, failed);
    }
}
