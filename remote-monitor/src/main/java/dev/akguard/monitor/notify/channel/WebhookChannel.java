package dev.akguard.monitor.notify.channel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.akguard.monitor.notify.NotificationSettings;
import dev.akguard.monitor.notify.NotificationSettings.WebhookFormat;
import dev.akguard.monitor.redact.Redaction;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * POSTs the message as JSON in the webhook's format (generic, DingTalk robot, Slack incoming
 * webhook). Every request carries {@code Idempotency-Key} and {@code X-Akguard-Delivery} with the
 * delivery's key; generic webhooks are HMAC-signed, DingTalk robots with their own {@code
 * timestamp}/{@code sign} scheme. Redirects are not followed, so a signed body never goes anywhere
 * but the configured URL.
 */
public final class WebhookChannel implements Channel {
    /** DingTalk's "sending too fast" code: the one error worth retrying. */
    private static final int DINGTALK_THROTTLED = 130101;

    private final NotificationSettings.Webhook cfg;
    private final UnaryOperator<String> env;
    private final HttpClient http;
    private final Clock clock;

    public WebhookChannel(
            NotificationSettings.Webhook cfg,
            UnaryOperator<String> env,
            HttpClient http,
            Clock clock) {
        this.cfg = cfg;
        this.env = env;
        this.http = http;
        this.clock = clock;
    }

    /** The client webhooks should share: HTTP/1.1, no redirects, a connect timeout. */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Override
    public String id() {
        return NotificationSettings.WEBHOOK_PREFIX + cfg.name;
    }

    @Override
    public void deliver(Delivery d) throws DeliveryException {
        String secret = SecretResolver.resolve(env, cfg.secretEnv, cfg.secret);
        if (cfg.format == WebhookFormat.GENERIC && secret == null) {
            throw new DeliveryException(
                    id()
                            + ": no signing secret: set the environment variable "
                            + cfg.secretEnv
                            + " (or the webhook's secret in the settings)",
                    false);
        }
        byte[] body = WebhookPayloads.body(cfg.format, d).getBytes(StandardCharsets.UTF_8);
        String url = cfg.url;
        HttpRequest.Builder req =
                HttpRequest.newBuilder()
                        .timeout(Duration.ofSeconds(cfg.timeoutSeconds))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("User-Agent", "akguard-notify")
                        .header(WebhookSignature.IDEMPOTENCY_HEADER, d.idempotencyKey())
                        .header(WebhookSignature.DELIVERY_HEADER, d.idempotencyKey());
        if (cfg.format == WebhookFormat.GENERIC) {
            long ts = clock.instant().getEpochSecond();
            req.header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(ts))
                    .header(
                            WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.sign(secret, ts, body));
        } else if (cfg.format == WebhookFormat.DINGTALK && secret != null) {
            long ms = clock.millis();
            url +=
                    (url.contains("?") ? "&" : "?")
                            + "timestamp="
                            + ms
                            + "&sign="
                            + URLEncoder.encode(
                                    WebhookSignature.dingTalkSign(secret, ms),
                                    StandardCharsets.UTF_8);
        }
        HttpResponse<String> resp;
        try {
            resp =
                    http.send(
                            req.uri(URI.create(url))
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryException(
                    id() + ": cannot reach " + Redaction.url(cfg.url) + ": " + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(id() + ": interrupted", false, e);
        }
        check(resp);
    }

    private void check(HttpResponse<String> resp) throws DeliveryException {
        int s = resp.statusCode();
        if (s >= 200 && s < 300) {
            if (cfg.format == WebhookFormat.DINGTALK) checkDingTalk(resp.body());
            return;
        }
        boolean retry = s == 408 || s == 425 || s == 429 || s >= 500;
        throw new DeliveryException(id() + ": HTTP " + s + " " + snippet(resp.body()), !retry);
    }

    /** DingTalk answers 200 even on failure; the verdict is {@code errcode}. */
    private void checkDingTalk(String body) throws DeliveryException {
        try {
            JsonElement e = JsonParser.parseString(body);
            if (!e.isJsonObject()) return;
            JsonObject o = e.getAsJsonObject();
            if (!o.has("errcode") || o.get("errcode").getAsInt() == 0) return;
            int code = o.get("errcode").getAsInt();
            String msg = o.has("errmsg") ? o.get("errmsg").getAsString() : "";
            throw new DeliveryException(
                    id() + ": DingTalk errcode " + code + " " + msg, code != DINGTALK_THROTTLED);
        } catch (RuntimeException ignored) {
            // not JSON: a 2xx from a relay that speaks something else still counts as accepted
        }
    }

    private static String snippet(String body) {
        if (body == null) return "";
        String s = body.replaceAll("\\s+", " ").trim();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
