package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.StoreException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code akguard monitor unwhitelist ALERT_ID}: cancel a whitelist; the alert is unhandled again.
 */
@Command(
        name = "unwhitelist",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Cancel the whitelist of an alert: it returns to unhandled and is announced again when seen in a new place.",
            ""
        })
public final class UnwhitelistCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Parameters(paramLabel = "ALERT_ID", description = "The alert's id.")
    long id;

    @Option(
            names = "--note",
            paramLabel = "TEXT",
            description = "Why (kept in the alert's history).")
    String note;

    @Option(
            names = "--by",
            paramLabel = "NAME",
            description = "Who cancelled it (default: the OS user).")
    String by;

    @Override
    public Integer call() {
        Alert a;
        try {
            a =
                    new AlertStore(monitor.database(), Clock.systemUTC())
                            .unwhitelist(id, MonitorOptions.actor(by), note);
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                "Alert "
                        + a.id()
                        + " ("
                        + a.accessKeyId()
                        + "): whitelist cancelled, now "
                        + a.status().json()
                        + ".");
        out.flush();
        return 0;
    }
}
