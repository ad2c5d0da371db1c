package dev.akguard.monitor.notify.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.notify.AlertNotification;
import dev.akguard.monitor.notify.Message;
import dev.akguard.monitor.notify.Messages;
import dev.akguard.monitor.notify.NotificationSettings;
import dev.akguard.monitor.notify.NotificationSettings.WebhookFormat;
import dev.akguard.monitor.redact.Redaction;
import dev.akguard.testkit.fixtures.MutableClock;
import dev.akguard.testkit.fixtures.TestKeys;
import dev.akguard.testkit.fixtures.WebhookReceiver;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookChannelTest {
    private final WebhookReceiver receiver = new WebhookReceiver();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final String hookSecret = TestKeys.random(32);
    private final String keyId = TestKeys.accessKeyId();
    private final String secret = TestKeys.secret();

    WebhookChannelTest() throws Exception {}

    @AfterEach
    void stop() {
        receiver.close();
    }

    private WebhookChannel channel(WebhookFormat format, String path) {
        NotificationSettings.Webhook w = new NotificationSettings.Webhook();
        w.name = "t";
        w.format = format;
        w.url = receiver.url(path);
        w.secretEnv = "HOOK_SECRET";
        w.timeoutSeconds = 5;
        return new WebhookChannel(
                w,
                Map.of("HOOK_SECRET", hookSecret)::get,
                WebhookChannel.defaultHttpClient(),
                clock);
    }

    private Message leak() {
        return Messages.leak(
                new AlertNotification(
                        12,
                        keyId,
                        Redaction.secret(secret),
                        Validity.VALID,
                        "1000000000000001",
                        "acme/shop",
                        "app.env",
                        3,
                        "https://github.com/acme/shop/blob/main/app.env#L3"),
                clock.instant());
    }

    private static byte[] hmac(String key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(data);
    }

    @Test
    void genericJsonIsSignedOverTimestampAndRawBody() throws Exception {
        channel(WebhookFormat.GENERIC, "/hook").deliver(new Delivery("akguard-5-99", leak()));
        WebhookReceiver.Request r = receiver.requests().get(0);
        assertEquals("POST", r.method());
        assertEquals("application/json; charset=utf-8", r.header("Content-Type"));
        assertEquals("akguard-5-99", r.header("Idempotency-Key"));
        assertEquals("akguard-5-99", r.header("X-Akguard-Delivery"));
        String ts = r.header("X-Akguard-Timestamp");
        assertEquals(String.valueOf(clock.instant().getEpochSecond()), ts);
        // the receiver's own check, written independently of WebhookSignature
        byte[] signed = (ts + "." + r.bodyText()).getBytes(StandardCharsets.UTF_8);
        assertEquals(
                "sha256=" + HexFormat.of().formatHex(hmac(hookSecret, signed)),
                r.header("X-Akguard-Signature"));
        assertTrue(
                WebhookSignature.verify(
                        hookSecret,
                        ts,
                        r.header("X-Akguard-Signature"),
                        r.body(),
                        clock.instant(),
                        Duration.ofMinutes(5)));

        JsonObject body = JsonParser.parseString(r.bodyText()).getAsJsonObject();
        assertEquals("akguard-5-99", body.get("deliveryId").getAsString());
        assertEquals("leak", body.get("kind").getAsString());
        assertEquals(12, body.get("alertId").getAsLong());
        assertEquals("AccessKey leak: " + keyId + " (VALID)", body.get("title").getAsString());
        assertEquals(
                "Secret",
                body.getAsJsonArray("fields").get(1).getAsJsonObject().get("label").getAsString());
        assertEquals(
                secret.substring(0, 3) + "… (redacted)",
                body.getAsJsonArray("fields").get(1).getAsJsonObject().get("value").getAsString());
        assertFalse(r.bodyText().contains(secret));
    }

    @Test
    void receiversRejectTamperingWrongKeysAndReplays() throws Exception {
        channel(WebhookFormat.GENERIC, "/hook").deliver(new Delivery("k", leak()));
        WebhookReceiver.Request r = receiver.requests().get(0);
        String ts = r.header("X-Akguard-Timestamp");
        String sig = r.header("X-Akguard-Signature");
        Duration tolerance = Duration.ofMinutes(5);
        byte[] tampered = r.bodyText().replace("VALID", "INVALID").getBytes(StandardCharsets.UTF_8);
        assertFalse(
                WebhookSignature.verify(hookSecret, ts, sig, tampered, clock.instant(), tolerance));
        assertFalse(
                WebhookSignature.verify(
                        "another-secret", ts, sig, r.body(), clock.instant(), tolerance));
        assertFalse(
                WebhookSignature.verify(
                        hookSecret,
                        String.valueOf(Long.parseLong(ts) + 1),
                        sig,
                        r.body(),
                        clock.instant(),
                        tolerance),
                "the timestamp is inside the MAC");
        assertFalse(
                WebhookSignature.verify(
                        hookSecret,
                        ts,
                        sig,
                        r.body(),
                        clock.instant().plus(Duration.ofMinutes(6)),
                        tolerance),
                "a replay six minutes later is refused");
        assertTrue(
                WebhookSignature.verify(
                        hookSecret,
                        ts,
                        sig,
                        r.body(),
                        clock.instant().plus(Duration.ofMinutes(5)),
                        tolerance));
        assertFalse(
                WebhookSignature.verify(
                        hookSecret, "abc", sig, r.body(), clock.instant(), tolerance));
        assertFalse(
                WebhookSignature.verify(
                        hookSecret, null, sig, r.body(), clock.instant(), tolerance));
    }

    @Test
    void dingTalkGetsMarkdownAndItsOwnSignatureInTheQuery() throws Exception {
        channel(WebhookFormat.DINGTALK, "/robot/send?access_token=abc")
                .deliver(new Delivery("k", leak()));
        WebhookReceiver.Request r = receiver.requests().get(0);
        assertEquals("/robot/send", r.path());
        Map<String, String> q = new LinkedHashMap<>();
        for (String kv : r.query().split("&")) {
            int eq = kv.indexOf('=');
            q.put(
                    kv.substring(0, eq),
                    URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        assertEquals("abc", q.get("access_token"));
        String ts = q.get("timestamp");
        assertEquals(String.valueOf(clock.millis()), ts);
        String expected =
                Base64.getEncoder()
                        .encodeToString(
                                hmac(
                                        hookSecret,
                                        (ts + "\n" + hookSecret).getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, q.get("sign"));
        assertTrue(
                r.query()
                        .contains(
                                "sign="
                                        + java.net.URLEncoder.encode(
                                                expected, StandardCharsets.UTF_8)),
                "sign is URL-encoded");
        JsonObject body = JsonParser.parseString(r.bodyText()).getAsJsonObject();
        assertEquals("markdown", body.get("msgtype").getAsString());
        assertEquals(
                "AccessKey leak: " + keyId + " (VALID)",
                body.getAsJsonObject("markdown").get("title").getAsString());
        assertTrue(
                body.getAsJsonObject("markdown")
                        .get("text")
                        .getAsString()
                        .startsWith("### AccessKey leak"));
        assertEquals(null, r.header("X-Akguard-Signature"), "DingTalk uses its own scheme");
    }

    @Test
    void dingTalkErrorCodesInA200AreFailures() {
        receiver.thenReply(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
        DeliveryException e =
                assertThrows(
                        DeliveryException.class,
                        () ->
                                channel(WebhookFormat.DINGTALK, "/robot")
                                        .deliver(new Delivery("k", leak())));
        assertTrue(e.permanent());
        assertTrue(e.getMessage().contains("errcode 310000 sign not match"), e.getMessage());
        receiver.thenReply(200, "{\"errcode\":130101,\"errmsg\":\"send too fast\"}");
        assertFalse(
                assertThrows(
                                DeliveryException.class,
                                () ->
                                        channel(WebhookFormat.DINGTALK, "/robot")
                                                .deliver(new Delivery("k", leak())))
                        .permanent());
    }

    @Test
    void slackGetsTextAndBlocks() throws Exception {
        channel(WebhookFormat.SLACK, "/services/T/B/x").deliver(new Delivery("k", leak()));
        JsonObject body =
                JsonParser.parseString(receiver.requests().get(0).bodyText()).getAsJsonObject();
        assertEquals("AccessKey leak: " + keyId + " (VALID)", body.get("text").getAsString());
        JsonObject header = body.getAsJsonArray("blocks").get(0).getAsJsonObject();
        assertEquals("header", header.get("type").getAsString());
        assertEquals("plain_text", header.getAsJsonObject("text").get("type").getAsString());
        JsonObject section = body.getAsJsonArray("blocks").get(1).getAsJsonObject();
        assertEquals("mrkdwn", section.getAsJsonObject("text").get("type").getAsString());
        assertTrue(
                section.getAsJsonObject("text")
                        .get("text")
                        .getAsString()
                        .contains(
                                "*File:* <https://github.com/acme/shop/blob/main/app.env#L3|app.env:3>"));
    }

    @Test
    void statusCodesDecideRetryOrGiveUp() {
        for (int status : new int[] {500, 502, 503, 429, 408}) {
            receiver.thenReply(status, "busy");
            DeliveryException e =
                    assertThrows(
                            DeliveryException.class,
                            () ->
                                    channel(WebhookFormat.SLACK, "/s")
                                            .deliver(new Delivery("k", leak())));
            assertFalse(e.permanent(), "HTTP " + status);
            assertTrue(e.getMessage().contains("HTTP " + status + " busy"), e.getMessage());
        }
        for (int status : new int[] {400, 401, 403, 404, 410}) {
            receiver.thenReply(status, "no");
            assertTrue(
                    assertThrows(
                                    DeliveryException.class,
                                    () ->
                                            channel(WebhookFormat.SLACK, "/s")
                                                    .deliver(new Delivery("k", leak())))
                            .permanent(),
                    "HTTP " + status);
        }
    }

    @Test
    void redirectsAreNotFollowed() {
        receiver.thenReply(302, "");
        assertThrows(
                DeliveryException.class,
                () -> channel(WebhookFormat.GENERIC, "/hook").deliver(new Delivery("k", leak())));
        assertEquals(1, receiver.requests().size());
    }

    @Test
    void genericWithoutASecretAndUnreachableReceiversAreRetryableErrors() {
        NotificationSettings.Webhook w = new NotificationSettings.Webhook();
        w.name = "t";
        w.url = receiver.url("/hook");
        w.secretEnv = "MISSING";
        DeliveryException e =
                assertThrows(
                        DeliveryException.class,
                        () ->
                                new WebhookChannel(
                                                w,
                                                n -> null,
                                                WebhookChannel.defaultHttpClient(),
                                                clock)
                                        .deliver(new Delivery("k", leak())));
        assertTrue(e.getMessage().contains("set the environment variable MISSING"), e.getMessage());
        assertEquals(0, receiver.requests().size(), "nothing unsigned goes out");
        w.secret = hookSecret;
        w.url = "http://127.0.0.1:1/hook";
        DeliveryException down =
                assertThrows(
                        DeliveryException.class,
                        () ->
                                new WebhookChannel(
                                                w,
                                                n -> null,
                                                WebhookChannel.defaultHttpClient(),
                                                clock)
                                        .deliver(new Delivery("k", leak())));
        assertFalse(down.permanent());
        assertTrue(
                down.getMessage().startsWith("webhook:t: cannot reach http://127.0.0.1:1/hook"),
                down.getMessage());
    }
}
