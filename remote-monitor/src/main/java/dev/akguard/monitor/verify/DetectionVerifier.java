package dev.akguard.monitor.verify;

import dev.akguard.monitor.model.KeyCheck;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.watch.AlertListener;
import dev.akguard.monitor.watch.AlertNotice;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates each new or reopened alert with the secret the watcher found, while it is still in
 * memory.
 *
 * <p>The watcher announces alerts inside the transaction that records them; a network check there
 * would hold the database's write lock for seconds. So the listener only remembers the notice, and
 * {@link #verifyPending()} runs the checks after the watcher's cycle committed. A notice whose
 * transaction was rolled back matches no alert and is dropped. If the process dies in between, the
 * secret is gone with it and the alert stays UNVERIFIED: the re-verify queue ({@link
 * AlertVerifier#retryDue}) then re-fetches it from GitHub. Nothing here is stored or logged except
 * the validation result.
 */
public final class DetectionVerifier implements AlertListener {
    private record Pending(
            long alertId,
            String accessKeyId,
            String secretSha256,
            String secret,
            String securityToken,
            String where) {
        @Override
        public String toString() {
            return "Pending[" + alertId + "]";
        } // never the secret or the token
    }

    private final LeakVerifier verifier;
    private final List<Pending> pending = new ArrayList<>();

    public DetectionVerifier(LeakVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public synchronized void onAlert(AlertNotice notice, Connection connection) {
        if (notice.finding().secret() == null) return;
        var s = notice.sighting();
        pending.add(
                new Pending(
                        notice.alertId(),
                        s.accessKeyId(),
                        s.secretSha256(),
                        notice.finding().secret().value(),
                        notice.securityToken(),
                        s.repo() + "/" + s.path() + ":" + s.line()));
    }

    /** Validates every remembered alert and forgets the secrets. Returns the results stored. */
    public List<KeyCheck> verifyPending() {
        List<Pending> batch;
        synchronized (this) {
            batch = new ArrayList<>(pending);
            pending.clear();
        }
        List<KeyCheck> out = new ArrayList<>();
        for (Pending p : batch) {
            verifier.verify(
                            p.alertId(),
                            p.accessKeyId(),
                            p.secretSha256(),
                            p.secret(),
                            p.securityToken(),
                            AlertStore.WATCHER,
                            "at detection in " + p.where())
                    .ifPresent(out::add);
        }
        return out;
    }

    public synchronized int pendingCount() {
        return pending.size();
    }
}
