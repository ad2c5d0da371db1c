package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.monitor.notify.NotificationTester;
import dev.akguard.monitor.settings.SettingsException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code akguard monitor notify test}: send a test message through every enabled channel now. */
@Command(
        name = "test",
        usageHelpAutoWidth = true,
        description = {
            "Send a test message through every enabled channel right now (not through the outbox) and report "
                    + "each channel's outcome. Exit code 1 when any channel failed.",
            ""
        })
public final class NotifyTestCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Override
    public Integer call() {
        List<NotificationTester.Result> results;
        try {
            results = MonitorRuntimes.open(monitor).notifications().test();
        } catch (SettingsException e) {
            throw new UserException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        TextTable t = new TextTable("CHANNEL", "RESULT", "ERROR");
        for (NotificationTester.Result r : results)
            t.row(r.channel(), r.ok() ? "ok" : "FAILED", r.error());
        t.print(out);
        return results.stream().allMatch(NotificationTester.Result::ok) ? 0 : 1;
    }
}
