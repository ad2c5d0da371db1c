package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.monitor.calls.StoredAnomaly;
import dev.akguard.monitor.store.StoreException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code akguard monitor anomalies unwhitelist ID}: cancel an anomaly's whitelist. */
@Command(
        name = "unwhitelist",
        usageHelpAutoWidth = true,
        description = {"Cancel the whitelist of an anomaly: it is unhandled again.", ""})
public final class AnomalyUnwhitelistCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Parameters(paramLabel = "ANOMALY_ID", description = "The anomaly's id.")
    long id;

    @Option(
            names = "--note",
            paramLabel = "TEXT",
            description = "Why (kept in the anomaly's history).")
    String note;

    @Option(
            names = "--by",
            paramLabel = "NAME",
            description = "Who cancelled it (default: the OS user).")
    String by;

    @Override
    public Integer call() {
        StoredAnomaly a;
        try {
            a =
                    MonitorRuntimes.open(monitor)
                            .anomalyRaiser()
                            .store()
                            .unwhitelist(id, MonitorOptions.actor(by), note);
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), e);
        }
        spec.commandLine()
                .getOut()
                .println(
                        "Anomaly "
                                + a.id()
                                + ": whitelist cancelled, now "
                                + a.status().json()
                                + ".");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
