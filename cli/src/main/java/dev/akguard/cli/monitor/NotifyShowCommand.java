package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.monitor.notify.NotificationSettings;
import dev.akguard.monitor.settings.SettingsException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code akguard monitor notify show}: the settings, with passwords, secrets and webhook tokens
 * redacted.
 */
@Command(
        name = "show",
        usageHelpAutoWidth = true,
        description = {
            "Print the notification settings as JSON. Stored passwords and secrets read \"(set)\"; webhook URLs "
                    + "(DingTalk and Slack URLs are credentials) are cut after the start of their path.",
            ""
        })
public final class NotifyShowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Override
    public Integer call() {
        NotificationSettings s;
        try {
            s = MonitorRuntimes.open(monitor).notifications().settings();
        } catch (SettingsException e) {
            throw new UserException(
                    e.getMessage()
                            + " (replace them with `akguard monitor notify set --from-file FILE`)",
                    e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(s.redactedJson());
        out.println(
                "Channels: "
                        + String.join(", ", s.enabledChannels())
                        + "; policy "
                        + s.policy
                        + (s.notifyAnomalies ? "; anomalies notify" : "; anomalies do not notify"));
        out.flush();
        return 0;
    }
}
