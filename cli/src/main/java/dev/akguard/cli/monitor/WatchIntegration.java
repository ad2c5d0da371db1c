package dev.akguard.cli.monitor;

import dev.akguard.core.text.Untrusted;
import dev.akguard.monitor.runtime.AfterCycle;
import dev.akguard.monitor.runtime.MonitorRuntime;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.verify.DetectionVerifier;
import dev.akguard.monitor.watch.Watcher;
import java.io.PrintWriter;

/** Hooks verification, call tracking, anomalies and delivery onto `monitor watch`'s cycles. */
final class WatchIntegration {
    private WatchIntegration() {}

    /**
     * @param verify false for --no-verify: alerts are recorded without the check at detection, and
     *     the re-verify queue is left alone
     */
    static AfterCycle attach(Watcher watcher, MonitorOptions options, Database db, boolean verify) {
        MonitorRuntime runtime = MonitorRuntimes.open(options, db);
        DetectionVerifier detection = runtime.detectionVerifier();
        if (verify) watcher.addListener(detection);
        return new AfterCycle(runtime, detection, verify);
    }

    /** One line per cycle on {@code out} (--once), problems on stderr. */
    static void report(PrintWriter out, PrintWriter err, AfterCycle.Report r) {
        if (out != null) {
            out.println(r.summary());
            out.flush();
        }
        for (String p : r.problems()) err.println("akguard: " + Untrusted.inline(p));
        err.flush();
    }
}
