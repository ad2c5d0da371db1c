package dev.akguard.monitor.notify;

import dev.akguard.monitor.anomaly.AnomalyType;
import dev.akguard.monitor.model.Anomaly;
import dev.akguard.monitor.model.Validity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the words of each notification: one place, so email, webhooks and the inbox say the same
 * thing.
 */
public final class Messages {
    private Messages() {}

    public static Message leak(AlertNotification n, Instant now) {
        String title = "AccessKey leak: " + n.accessKeyId() + " (" + n.validity() + ")";
        String where = n.repo() == null ? "public code on GitHub" : n.repo() + " on GitHub";
        String what =
                n.secretRedacted() == null
                        ? "An AccessKey ID (without its secret)"
                        : "An AccessKey pair";
        String summary = what + " was found in " + where + ". " + validitySentence(n.validity());
        List<Message.Field> fields = new ArrayList<>();
        fields.add(Message.Field.of("AccessKey ID", n.accessKeyId()));
        fields.add(
                Message.Field.of(
                        "Secret",
                        n.secretRedacted() == null
                                ? "not found next to the ID"
                                : n.secretRedacted() + " (redacted)"));
        fields.add(Message.Field.of("Validity", n.validity().name()));
        fields.add(Message.Field.of("Account", n.accountId()));
        fields.add(Message.Field.of("Repository", n.repo()));
        String file =
                n.path() == null ? null : n.line() == null ? n.path() : n.path() + ":" + n.line();
        fields.add(new Message.Field("File", file, n.url()));
        fields.add(Message.Field.of("Alert", String.valueOf(n.alertId())));
        String action = leakAction(n);
        return new Message(
                Message.LEAK, n.alertId(), now, title, summary, fields, List.of(), action);
    }

    /**
     * What to do. Only a pair proven live (VALID) or unknown is worth disabling through RAM; for an
     * INVALID pair the published secret does not match, and the AccessKey ID may be someone's
     * working production key (anyone can publish a real ID next to a made-up secret), so the
     * message never tells people to act on the key.
     */
    private static String leakAction(AlertNotification n) {
        String rest =
                "remove it from the repository and its history. Details: `akguard monitor show "
                        + n.alertId()
                        + "`.";
        return switch (n.validity()) {
            case INVALID ->
                    "Alibaba Cloud refused this pair, so do not disable or delete the key on its strength: the ID may belong to a "
                            + "working key used with another secret. Check the repository's owner and "
                            + rest;
            case DISABLED ->
                    "Rotate the key wherever it is used and delete it once nothing needs it; "
                            + rest;
            case VALID ->
                    "Handle it: disable the key with `akguard monitor handle "
                            + n.alertId()
                            + " --method disabled --apply`, "
                            + "rotate it wherever it is used, "
                            + rest
                            + " Check its calls with `akguard monitor calls "
                            + n.accessKeyId()
                            + "`.";
            case UNKNOWN, UNVERIFIED ->
                    "Check it with `akguard monitor verify "
                            + n.alertId()
                            + "`; once it reads VALID, disable it with "
                            + "`akguard monitor handle "
                            + n.alertId()
                            + " --method disabled --apply`, rotate it wherever it is used, "
                            + rest;
        };
    }

    public static Message anomaly(AnomalyNotification n, Instant now) {
        Anomaly a = n.anomaly();
        String title =
                "Abnormal AccessKey call: " + typeTitle(a.type()) + " (" + a.accessKeyId() + ")";
        List<Message.Field> fields =
                List.of(
                        Message.Field.of("Type", a.type()),
                        Message.Field.of("AccessKey ID", a.accessKeyId()),
                        Message.Field.of("At", a.at() == null ? null : a.at().toString()),
                        Message.Field.of("Alert", String.valueOf(n.alertId())));
        String action =
                "If these calls are not yours, disable the key with `akguard monitor handle "
                        + n.alertId()
                        + " --method disabled --apply` and review `akguard monitor calls "
                        + a.accessKeyId()
                        + "`.";
        return new Message(
                Message.ANOMALY, n.alertId(), now, title, a.detail(), fields, a.evidence(), action);
    }

    /** What `monitor notify test` sends through every channel. */
    public static Message test(Instant now) {
        return new Message(
                Message.TEST,
                0,
                now,
                "akguard test notification",
                "This is a test from akguard: this channel is set up correctly.",
                List.of(Message.Field.of("Sent at", now.toString())),
                List.of(),
                "Nothing to do.");
    }

    private static String validitySentence(Validity v) {
        return switch (v) {
            case VALID ->
                    "The key still works: anyone who copied it can use your cloud resources now.";
            case DISABLED -> "The key is disabled at the moment; it could be re-enabled.";
            case INVALID -> "Alibaba Cloud does not accept the pair (deleted key or wrong secret).";
            case UNKNOWN ->
                    "Whether the key works could not be checked yet (network or throttling); treat it as valid.";
            case UNVERIFIED -> "The key has not been checked yet; treat it as valid.";
        };
    }

    private static String typeTitle(String type) {
        try {
            return AnomalyType.fromId(type).title();
        } catch (IllegalArgumentException e) {
            return type;
        }
    }
}
