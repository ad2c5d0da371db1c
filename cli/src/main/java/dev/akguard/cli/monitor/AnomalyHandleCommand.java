package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.monitor.calls.StoredAnomaly;
import dev.akguard.monitor.model.HandlingMethod;
import dev.akguard.monitor.store.StoreException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code akguard monitor anomalies handle ID --method ...}: record how an anomaly was handled. */
@Command(
        name = "handle",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Record how an anomaly was handled, with the same states as leak alerts: deleted or disabled (the key), "
                    + "or whitelist (expected activity). To act on the key itself, handle its leak alert with --apply.",
            ""
        })
public final class AnomalyHandleCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Parameters(
            paramLabel = "ANOMALY_ID",
            description = "The anomaly's id (see `akguard monitor anomalies`).")
    long id;

    @Option(
            names = "--method",
            required = true,
            paramLabel = "METHOD",
            description = "deleted, disabled or whitelist.")
    String method;

    @Option(
            names = "--note",
            paramLabel = "TEXT",
            description = "Why, or what was done (kept in the anomaly's history).")
    String note;

    @Option(
            names = "--by",
            paramLabel = "NAME",
            description = "Who handled it (default: the OS user).")
    String by;

    @Override
    public Integer call() {
        HandlingMethod m;
        try {
            m = HandlingMethod.parse(method);
        } catch (IllegalArgumentException e) {
            throw new UserException(
                    "unknown --method '" + method + "': use deleted, disabled or whitelist");
        }
        StoredAnomaly a;
        try {
            a =
                    MonitorRuntimes.open(monitor)
                            .anomalyRaiser()
                            .store()
                            .handle(id, m, MonitorOptions.actor(by), note);
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), e);
        }
        spec.commandLine()
                .getOut()
                .println(
                        "Anomaly "
                                + a.id()
                                + " ("
                                + a.anomaly().type()
                                + ", "
                                + a.anomaly().accessKeyId()
                                + "): "
                                + a.status().json()
                                + ", "
                                + m.label()
                                + ".");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
