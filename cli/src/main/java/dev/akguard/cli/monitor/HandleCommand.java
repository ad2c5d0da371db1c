package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.monitor.model.HandlingMethod;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code akguard monitor handle ALERT_ID --method deleted|disabled|whitelist [--note TEXT]}: record a handling. */
@Command(name = "handle", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Record how a leak was handled: the key was deleted, disabled, or the pair is whitelisted "
            + "(a test key, say). Recorded with who (--by, default the OS user), when and the note.", ""},
        footer = {"", "Examples:",
            "  akguard monitor handle 12 --method disabled --note \"ticket SEC-88\"",
            "  akguard monitor handle 13 --method whitelist --note \"documentation sample key\""})
public final class HandleCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Parameters(paramLabel = "ALERT_ID", description = "The alert's id (see `akguard monitor alerts`).")
    long id;

    @Option(names = "--method", required = true, paramLabel = "METHOD", description = "deleted, disabled or whitelist.")
    String method;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why, or what was done (kept in the alert's history).")
    String note;

    @Option(names = "--by", paramLabel = "NAME", description = "Who handled it (default: the OS user).")
    String by;

    @Override
    public Integer call() {
        HandlingMethod m;
        try {
            m = HandlingMethod.parse(method);
        } catch (IllegalArgumentException e) {
            throw new UserException("unknown --method '" + method + "': use deleted, disabled or whitelist");
        }
        Alert a;
        try {
            a = new AlertStore(monitor.database(), Clock.systemUTC()).handle(id, m, MonitorOptions.actor(by), note);
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Alert " + a.id() + " (" + a.accessKeyId() + "): " + a.status().json() + ", " + m.label() + ".");
        out.flush();
        return 0;
    }
}
