package dev.akguard.monitor.notify.channel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.akguard.monitor.notify.Message;
import dev.akguard.monitor.notify.MessageRenderer;
import dev.akguard.monitor.notify.NotificationSettings.WebhookFormat;

/** The JSON body of a webhook in each format. */
final class WebhookPayloads {
    /** Slack limits: header text 150 characters, section text 3000. */
    private static final int SLACK_HEADER_MAX = 150;

    private static final int SLACK_SECTION_MAX = 3000;
    private static final Gson GSON =
            new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private WebhookPayloads() {}

    static String body(WebhookFormat format, Delivery d) {
        return GSON.toJson(
                switch (format) {
                    case GENERIC -> generic(d);
                    case DINGTALK -> dingTalk(d.message());
                    case SLACK -> slack(d.message());
                });
    }

    /**
     * Our own shape: everything structured, plus the plain text, plus the delivery id to dedupe on.
     */
    private static JsonObject generic(Delivery d) {
        Message m = d.message();
        JsonObject o = new JsonObject();
        o.addProperty("deliveryId", d.idempotencyKey());
        o.addProperty("kind", m.kind());
        o.addProperty("alertId", m.alertId());
        o.addProperty("createdAt", m.createdAt().toString());
        o.addProperty("title", m.title());
        o.addProperty("summary", m.summary());
        JsonArray fields = new JsonArray();
        for (Message.Field f : m.fields()) {
            if (f.value() == null) continue;
            JsonObject jf = new JsonObject();
            jf.addProperty("label", f.label());
            jf.addProperty("value", f.value());
            if (f.link() != null) jf.addProperty("link", f.link());
            fields.add(jf);
        }
        o.add("fields", fields);
        JsonArray evidence = new JsonArray();
        m.evidence().forEach(evidence::add);
        o.add("evidence", evidence);
        o.addProperty("action", m.action());
        o.addProperty("text", MessageRenderer.plainText(m));
        return o;
    }

    private static JsonObject dingTalk(Message m) {
        JsonObject markdown = new JsonObject();
        markdown.addProperty("title", m.title());
        markdown.addProperty("text", MessageRenderer.markdown(m));
        JsonObject o = new JsonObject();
        o.addProperty("msgtype", "markdown");
        o.add("markdown", markdown);
        return o;
    }

    private static JsonObject slack(Message m) {
        JsonObject o = new JsonObject();
        o.addProperty("text", m.title()); // notification fallback
        JsonArray blocks = new JsonArray();
        JsonObject header = new JsonObject();
        header.addProperty("type", "header");
        header.add("text", text("plain_text", cut(m.title(), SLACK_HEADER_MAX)));
        blocks.add(header);
        JsonObject section = new JsonObject();
        section.addProperty("type", "section");
        section.add("text", text("mrkdwn", cut(MessageRenderer.slackMrkdwn(m), SLACK_SECTION_MAX)));
        blocks.add(section);
        o.add("blocks", blocks);
        return o;
    }

    private static JsonObject text(String type, String value) {
        JsonObject t = new JsonObject();
        t.addProperty("type", type);
        t.addProperty("text", value);
        return t;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
