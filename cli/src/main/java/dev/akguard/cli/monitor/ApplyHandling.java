package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.core.text.Untrusted;
import dev.akguard.monitor.act.ApplyRefusedException;
import dev.akguard.monitor.act.KeyHandler;
import dev.akguard.monitor.alibaba.RamAdminException;
import dev.akguard.monitor.github.GitHubException;
import dev.akguard.monitor.model.HandlingMethod;
import dev.akguard.monitor.runtime.MonitorRuntime;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.AlertNotFoundException;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.StoreException;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * {@code monitor handle ID --method disabled|deleted --apply}: acts through RAM ({@link
 * KeyHandler}), after a confirmation for deletion (which cannot be undone). Without a terminal,
 * deletion needs {@code --yes}.
 */
final class ApplyHandling {
    private ApplyHandling() {}

    static int run(
            MonitorOptions options,
            long id,
            HandlingMethod method,
            String by,
            String note,
            boolean yes,
            boolean forceUnverified,
            PrintWriter out)
            throws InterruptedException {
        if (method == HandlingMethod.WHITELIST) {
            throw new UserException(
                    "--apply acts on the key through RAM: use --method disabled or deleted (whitelisting only records)");
        }
        MonitorRuntime rt = MonitorRuntimes.open(options);
        Alert a;
        try {
            a =
                    new AlertStore(rt.database(), rt.clock())
                            .find(id)
                            .orElseThrow(() -> new AlertNotFoundException(id));
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), e);
        }
        try {
            KeyHandler.checkVerdict(
                    a,
                    forceUnverified); // before the deletion prompt: nothing to confirm if refused
        } catch (ApplyRefusedException e) {
            throw new UserException(e.getMessage(), e);
        }
        if (method == HandlingMethod.DELETED && !yes) confirmDeletion(a);
        KeyHandler.Result r;
        try {
            r = rt.keyHandler().apply(id, method, by, note, forceUnverified);
        } catch (RamAdminException | StoreException | GitHubException | ApplyRefusedException e) {
            throw new UserException(e.getMessage(), e);
        }
        String action =
                method == HandlingMethod.DISABLED
                        ? "disabled (RAM UpdateAccessKey Inactive)"
                        : "deleted (RAM DeleteAccessKey)";
        out.println(
                Untrusted.inline(
                        "AccessKey "
                                + a.accessKeyId()
                                + " of RAM user "
                                + r.key().userName()
                                + " "
                                + action
                                + "."));
        out.println(
                Untrusted.inline("Re-verified: " + r.validityAfter() + " (" + r.proof() + ")."));
        if (!r.proven()) {
            out.println(
                    "Alert " + id + ": still " + r.alert().status().json() + " (not confirmed).");
            out.flush();
            throw new UserException(
                    "the key still reads "
                            + r.validityAfter()
                            + " after the RAM call, so the alert stays unhandled; check "
                            + "it in the console, run `akguard monitor verify "
                            + id
                            + "` again and record the handling once it is confirmed");
        }
        out.println("Alert " + id + ": " + r.alert().status().json() + ", " + method.label() + ".");
        out.flush();
        return 0;
    }

    private static void confirmDeletion(Alert a) {
        Console console = System.console();
        if (console == null) {
            throw new UserException(
                    "deleting AccessKey "
                            + a.accessKeyId()
                            + " cannot be undone and there is no terminal to confirm it: "
                            + "add --yes to delete it anyway, or use --method disabled");
        }
        String answer =
                console.readLine(
                        "Delete AccessKey %s for good? Applications using it stop working. Type 'yes' to delete: ",
                        a.accessKeyId());
        if (answer == null || !answer.trim().toLowerCase(Locale.ROOT).equals("yes")) {
            throw new UserException("not deleted (confirmation not given)");
        }
    }
}
