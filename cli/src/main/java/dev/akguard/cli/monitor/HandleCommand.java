package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.monitor.model.HandlingMethod;
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
 * {@code akguard monitor handle ALERT_ID --method deleted|disabled|whitelist [--note TEXT]}: record
 * a handling.
 */
@Command(
        name = "handle",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Record how a leak was handled: the key was deleted, disabled, or the pair is whitelisted "
                    + "(a test key, say). Recorded with who (--by, default the OS user), when and the note.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  akguard monitor handle 12 --method disabled --note \"ticket SEC-88\"",
            "  akguard monitor handle 13 --method whitelist --note \"documentation sample key\"",
            "  akguard monitor handle 12 --method disabled --apply        # RAM UpdateAccessKey, re-verify",
            "  akguard monitor handle 12 --method deleted --apply --yes   # RAM DeleteAccessKey, no prompt"
        })
public final class HandleCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Parameters(
            paramLabel = "ALERT_ID",
            description = "The alert's id (see `akguard monitor alerts`).")
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
            description = "Why, or what was done (kept in the alert's history).")
    String note;

    @Option(
            names = "--by",
            paramLabel = "NAME",
            description = "Who handled it (default: the OS user).")
    String by;

    @Option(
            names = "--apply",
            description =
                    "Act on the key through RAM with the team's admin credentials (disabled: UpdateAccessKey "
                            + "Inactive; deleted: DeleteAccessKey), re-verify it, then record the handling. Refused unless the alert's last verdict is "
                            + "VALID (or DISABLED after reading VALID; see --force-unverified). When the re-verification does not show the expected state the alert stays unhandled "
                            + "(exit 2). Without --apply, only the manual handling is recorded.")
    boolean apply;

    @Option(
            names = "--force-unverified",
            description =
                    "With --apply: act although the alert's last verdict is not VALID. Careful: an "
                            + "AccessKey ID is not a secret, so a published real ID next to a made-up secret reads INVALID, and acting would disable "
                            + "someone's working key.")
    boolean forceUnverified;

    @Option(
            names = "--yes",
            description =
                    "With --method deleted --apply: do not ask for confirmation (needed without a terminal).")
    boolean yes;

    @Override
    public Integer call() throws InterruptedException {
        HandlingMethod m;
        try {
            m = HandlingMethod.parse(method);
        } catch (IllegalArgumentException e) {
            throw new UserException(
                    "unknown --method '" + method + "': use deleted, disabled or whitelist");
        }
        if (forceUnverified && !apply)
            throw new UserException("--force-unverified goes with --apply");
        if (apply)
            return ApplyHandling.run(
                    monitor,
                    id,
                    m,
                    MonitorOptions.actor(by),
                    note,
                    yes,
                    forceUnverified,
                    spec.commandLine().getOut());
        Alert a;
        try {
            a =
                    new AlertStore(monitor.database(), Clock.systemUTC())
                            .handle(id, m, MonitorOptions.actor(by), note);
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(
                "Alert "
                        + a.id()
                        + " ("
                        + a.accessKeyId()
                        + "): "
                        + a.status().json()
                        + ", "
                        + m.label()
                        + ".");
        out.flush();
        return 0;
    }
}
