package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.monitor.notify.NotificationService;
import dev.akguard.monitor.notify.NotificationSettings;
import dev.akguard.monitor.notify.NotifyPolicy;
import dev.akguard.monitor.settings.SettingsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code akguard monitor notify set ...}: change channels, recipients and policy. */
@Command(
        name = "set",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Change the notification settings: only what is given changes. The result is validated as a whole "
                    + "(every problem listed) before it is saved.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  akguard monitor notify set --policy always",
            "  akguard monitor notify set --email on --smtp-host smtp.example.com --smtp-user akguard \\",
            "      --smtp-password-env AKGUARD_SMTP_PASSWORD --from akguard@example.com --recipient security@example.com",
            "  akguard monitor notify set --webhook siem --webhook-url https://siem.example.com/hook --webhook-secret-env SIEM_SECRET",
            "  akguard monitor notify set --webhook ding --webhook-format dingtalk --webhook-url 'https://oapi.dingtalk.com/robot/send?access_token=...'",
            "  akguard monitor notify set --from-file notify.json"
        })
public final class NotifySetCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Option(
            names = "--from-file",
            paramLabel = "FILE",
            description =
                    "Replace all settings with this JSON document (docs/monitor/notifications.md); "
                            + "the other options then apply on top.")
    Path fromFile;

    @Option(
            names = "--policy",
            paramLabel = "P",
            description = "valid-only (notify only leaks whose key works; default) or always.")
    String policy;

    @Option(
            names = "--anomalies",
            paramLabel = "on|off",
            description = "Whether anomaly alerts notify (default on).")
    String anomalies;

    @Option(
            names = "--inbox",
            paramLabel = "on|off",
            description = "The stored inbox (`akguard monitor inbox`; default on).")
    String inbox;

    @Option(
            names = "--email",
            paramLabel = "on|off",
            description = "Email through SMTP with STARTTLS.")
    String email;

    @Option(names = "--smtp-host", paramLabel = "HOST")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", description = "Default 587.")
    Integer smtpPort;

    @Option(
            names = "--starttls",
            paramLabel = "MODE",
            description = "required (default: never send without TLS) or optional.")
    String starttls;

    @Option(names = "--smtp-user", paramLabel = "USER")
    String smtpUser;

    @Option(
            names = "--smtp-password-env",
            paramLabel = "VAR",
            description = "Environment variable holding the SMTP password.")
    String smtpPasswordEnv;

    @Option(names = "--from", paramLabel = "ADDRESS", description = "Sender address.")
    String from;

    @Option(
            names = "--recipient",
            paramLabel = "ADDRESS",
            description = "Email recipient (repeatable; replaces the list).")
    List<String> recipients = new ArrayList<>();

    @Option(
            names = "--webhook",
            paramLabel = "NAME",
            description = "Add or change the webhook with this name (with --webhook-*).")
    String webhook;

    @Option(
            names = "--webhook-url",
            paramLabel = "URL",
            description = "https (plain http only to loopback).")
    String webhookUrl;

    @Option(
            names = "--webhook-format",
            paramLabel = "F",
            description = "generic (HMAC-signed JSON; default), dingtalk or slack.")
    String webhookFormat;

    @Option(
            names = "--webhook-secret-env",
            paramLabel = "VAR",
            description = "Environment variable holding the signing secret.")
    String webhookSecretEnv;

    @Option(names = "--webhook-enabled", paramLabel = "on|off")
    String webhookEnabled;

    @Option(names = "--remove-webhook", paramLabel = "NAME", description = "Remove a webhook.")
    String removeWebhook;

    @Override
    public Integer call() {
        NotificationService service = MonitorRuntimes.open(monitor).notifications();
        NotificationSettings s;
        try {
            s =
                    fromFile != null
                            ? NotificationSettings.fromJson(read(fromFile))
                            : service.settings();
            apply(s);
            service.saveSettings(s);
        } catch (SettingsException e) {
            throw new UserException(e.getMessage() + ". Nothing was saved.", e);
        }
        spec.commandLine()
                .getOut()
                .println(
                        "Saved. Channels: "
                                + String.join(", ", s.enabledChannels())
                                + "; policy "
                                + s.policy
                                + ". Try them with: akguard monitor notify test");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private void apply(NotificationSettings s) {
        if (policy != null) {
            String p = policy.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            s.policy =
                    switch (p) {
                        case "valid-only", "valid" -> NotifyPolicy.VALID_ONLY;
                        case "always" -> NotifyPolicy.ALWAYS;
                        default ->
                                throw new UserException(
                                        "unknown --policy '"
                                                + policy
                                                + "': use valid-only or always");
                    };
        }
        if (anomalies != null) s.notifyAnomalies = onOff("--anomalies", anomalies);
        if (inbox != null) s.inbox.enabled = onOff("--inbox", inbox);
        if (email != null) s.email.enabled = onOff("--email", email);
        if (smtpHost != null) s.email.host = smtpHost.trim();
        if (smtpPort != null) s.email.port = smtpPort;
        if (starttls != null)
            s.email.starttls =
                    parse(
                            NotificationSettings.StartTls.class,
                            "--starttls",
                            starttls,
                            "required or optional");
        if (smtpUser != null) s.email.username = smtpUser.trim();
        if (smtpPasswordEnv != null) s.email.passwordEnv = smtpPasswordEnv.trim();
        if (from != null) s.email.from = from.trim();
        if (!recipients.isEmpty())
            s.email.recipients = new ArrayList<>(recipients.stream().map(String::trim).toList());
        if (removeWebhook != null) {
            if (!s.webhooks.removeIf(w -> removeWebhook.equals(w.name)))
                throw new UserException("no webhook named '" + removeWebhook + "'");
        }
        if (webhook == null) {
            if (webhookUrl != null
                    || webhookFormat != null
                    || webhookSecretEnv != null
                    || webhookEnabled != null) {
                throw new UserException(
                        "--webhook-url, --webhook-format, --webhook-secret-env and --webhook-enabled need --webhook NAME");
            }
            return;
        }
        NotificationSettings.Webhook w =
                s.webhooks.stream().filter(x -> webhook.equals(x.name)).findFirst().orElse(null);
        if (w == null) {
            w = new NotificationSettings.Webhook();
            w.name = webhook.trim();
            s.webhooks.add(w);
        }
        if (webhookUrl != null) w.url = webhookUrl.trim();
        if (webhookFormat != null)
            w.format =
                    parse(
                            NotificationSettings.WebhookFormat.class,
                            "--webhook-format",
                            webhookFormat,
                            "generic, dingtalk or slack");
        if (webhookSecretEnv != null) w.secretEnv = webhookSecretEnv.trim();
        if (webhookEnabled != null) w.enabled = onOff("--webhook-enabled", webhookEnabled);
    }

    private static boolean onOff(String option, String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new UserException(option + " takes on or off, not '" + v + "'");
        };
    }

    private static <E extends Enum<E>> E parse(
            Class<E> type, String option, String v, String allowed) {
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserException("unknown " + option + " '" + v + "': use " + allowed);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException("cannot read settings file " + file + ": " + e.getMessage(), e);
        }
    }
}
