package dev.akguard.monitor.notify;

import dev.akguard.monitor.notify.channel.Channel;
import dev.akguard.monitor.notify.channel.EmailChannel;
import dev.akguard.monitor.notify.channel.InboxChannel;
import dev.akguard.monitor.notify.channel.WebhookChannel;
import dev.akguard.monitor.notify.outbox.Inbox;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Builds the channels the settings enable, keyed by channel id. */
public final class Channels {
    private Channels() {}

    /**
     * @param env reads environment variables (System::getenv in production) for passwords and
     *     signing secrets
     */
    public static Map<String, Channel> fromSettings(
            NotificationSettings s,
            Inbox inbox,
            UnaryOperator<String> env,
            HttpClient http,
            Clock clock) {
        s.validate();
        Map<String, Channel> out = new LinkedHashMap<>();
        if (s.inbox.enabled) out.put(NotificationSettings.INBOX, new InboxChannel(inbox));
        if (s.email.enabled) out.put(NotificationSettings.EMAIL, new EmailChannel(s.email, env));
        for (NotificationSettings.Webhook w : s.webhooks) {
            if (w.enabled) {
                WebhookChannel ch = new WebhookChannel(w, env, http, clock);
                out.put(ch.id(), ch);
            }
        }
        return out;
    }
}
