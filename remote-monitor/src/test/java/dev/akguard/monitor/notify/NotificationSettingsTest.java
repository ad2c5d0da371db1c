package dev.akguard.monitor.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.settings.FileSettingsStore;
import dev.akguard.monitor.settings.MemorySettingsStore;
import dev.akguard.monitor.settings.SettingsException;
import dev.akguard.testkit.fixtures.TestKeys;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationSettingsTest {

    private static NotificationSettings.Webhook hook(
            String name, NotificationSettings.WebhookFormat f, String url) {
        NotificationSettings.Webhook w = new NotificationSettings.Webhook();
        w.name = name;
        w.format = f;
        w.url = url;
        w.secretEnv = "HOOK_SECRET";
        return w;
    }

    @Test
    void defaultsAreInboxOnlyAndValidOnly() {
        NotificationSettings s = NotificationSettings.load(new MemorySettingsStore());
        assertEquals(List.of("inbox"), s.enabledChannels());
        assertEquals(NotifyPolicy.VALID_ONLY, s.policy);
        assertTrue(s.policy.allows(Validity.VALID));
        for (Validity v :
                List.of(
                        Validity.INVALID,
                        Validity.DISABLED,
                        Validity.UNKNOWN,
                        Validity.UNVERIFIED)) {
            assertFalse(s.policy.allows(v), v.name());
            assertTrue(NotifyPolicy.ALWAYS.allows(v), v.name());
        }
    }

    @Test
    void roundTripsThroughAFileAndAcceptsLowerCaseNames(@TempDir Path dir) {
        FileSettingsStore store = new FileSettingsStore(dir.resolve("notify.json"));
        NotificationSettings s =
                NotificationSettings.fromJson(
                        """
                {"policy": "always",
                 "email": {"enabled": true, "host": "smtp.example.com", "starttls": "optional", "username": "bot",
                           "from": "akguard@example.com", "recipients": ["sec@example.com", "ops@example.com"]},
                 "webhooks": [{"name": "ding", "format": "dingtalk", "url": "https://oapi.dingtalk.com/robot/send?access_token=t0ken"}]}""");
        s.webhooks.add(
                hook(
                        "siem",
                        NotificationSettings.WebhookFormat.GENERIC,
                        "http://127.0.0.1:9000/hook"));
        s.save(store);
        NotificationSettings back = NotificationSettings.load(store);
        assertEquals(NotifyPolicy.ALWAYS, back.policy);
        assertEquals(NotificationSettings.StartTls.OPTIONAL, back.email.starttls);
        assertEquals(587, back.email.port);
        assertEquals(
                List.of("inbox", "email", "webhook:ding", "webhook:siem"), back.enabledChannels());
        assertEquals(NotificationSettings.WebhookFormat.DINGTALK, back.webhook("ding").format);
    }

    @Test
    void showNeverPrintsPasswordsSecretsOrWebhookTokens() {
        NotificationSettings s = new NotificationSettings();
        String password = TestKeys.random(16);
        String secret = TestKeys.random(24);
        s.email.password = password;
        NotificationSettings.Webhook w =
                hook(
                        "slack",
                        NotificationSettings.WebhookFormat.SLACK,
                        "https://hooks.slack.com/services/T000/B000/" + TestKeys.random(24));
        w.secret = secret;
        s.webhooks.add(w);
        String shown = s.redactedJson();
        assertFalse(shown.contains(password), shown);
        assertFalse(shown.contains(secret), shown);
        assertFalse(shown.contains(w.url.substring(w.url.lastIndexOf('/') + 1)), shown);
        assertTrue(shown.contains("\"password\": \"(set)\""), shown);
        assertTrue(shown.contains("\"url\": \"https://hooks.slack.com/services/T0…\""), shown);
        assertEquals(password, s.email.password, "redacting a copy leaves the settings alone");
    }

    @Test
    void userInfoOfWebhookUrlsIsNeverShown() {
        String pw = TestKeys.random(16);
        NotificationSettings s = new NotificationSettings();
        s.webhooks.add(
                hook(
                        "siem",
                        NotificationSettings.WebhookFormat.SLACK,
                        "https://user:" + pw + "@siem.example.com:8443/hooks/akguard"));
        String shown = s.redactedJson();
        assertFalse(shown.contains(pw) || shown.contains("user"), shown);
        assertTrue(
                shown.contains("\"url\": \"https://siem.example.com:8443/hooks/akgua…\""), shown);
        s.webhooks.get(0).url = "ftp://user:" + pw + "@siem.example.com/x";
        SettingsException e = assertThrows(SettingsException.class, s::validate);
        assertFalse(e.getMessage().contains(pw), e.getMessage());
        s.webhooks.get(0).url = "https://user:" + pw + "@bad host/x";
        e = assertThrows(SettingsException.class, s::validate);
        assertFalse(e.getMessage().contains(pw), e.getMessage());
    }

    @Test
    void onlyLoopbackLiteralsAndLocalhostMayUsePlainHttp() {
        for (String ok :
                List.of(
                        "127.0.0.1",
                        "127.1.2.3",
                        "localhost",
                        "LOCALHOST",
                        "[::1]",
                        "[0:0:0:0:0:0:0:1]")) {
            assertTrue(NotificationSettings.isLoopback(ok), ok);
        }
        for (String bad :
                List.of(
                        "127.evil.example",
                        "127.0.0.1.attacker.example",
                        "127.0.0.1.nip.io",
                        "localhost.",
                        "localhost.evil.example",
                        "128.0.0.1",
                        "127.0.0.256",
                        "[::2]",
                        "[fe80::1]",
                        "0x7f000001",
                        "example.com")) {
            assertFalse(NotificationSettings.isLoopback(bad), bad);
        }
        NotificationSettings s = new NotificationSettings();
        s.webhooks.add(
                hook(
                        "plain",
                        NotificationSettings.WebhookFormat.SLACK,
                        "http://127.evil.example/hook/T"));
        assertTrue(
                assertThrows(SettingsException.class, s::validate)
                        .getMessage()
                        .contains("url must use https"));
        s.webhooks.get(0).url = "http://127.0.0.1:9/hook";
        s.validate();
    }

    @Test
    void everyProblemIsNamedWithTheFix() {
        NotificationSettings s = new NotificationSettings();
        s.email.enabled = true;
        s.email.from = "not-an-address";
        s.email.recipients = List.of("sec@example.com", "bad address");
        s.webhooks.add(
                hook(
                        "plain",
                        NotificationSettings.WebhookFormat.SLACK,
                        "http://hooks.example.com/x"));
        s.webhooks.add(
                hook(
                        "plain",
                        NotificationSettings.WebhookFormat.SLACK,
                        "https://hooks.example.com/x"));
        NotificationSettings.Webhook unsigned =
                hook(
                        "siem",
                        NotificationSettings.WebhookFormat.GENERIC,
                        "https://siem.example.com/in");
        unsigned.secretEnv = null;
        s.webhooks.add(unsigned);
        SettingsException e = assertThrows(SettingsException.class, s::validate);
        String m = e.getMessage();
        assertTrue(m.contains("email.host is required"), m);
        assertTrue(m.contains("email.from must be an address"), m);
        assertTrue(m.contains("email recipient 'bad address'"), m);
        assertTrue(
                m.contains("webhook 'plain': url must use https (plain http only to 127.0.0.1"), m);
        assertTrue(m.contains("webhook name 'plain' is used twice"), m);
        assertTrue(m.contains("webhook 'siem': a generic webhook is signed"), m);
        assertThrows(
                SettingsException.class,
                () -> NotificationSettings.fromJson("{\"policy\": \"sometimes\"}"));
        assertThrows(SettingsException.class, () -> NotificationSettings.fromJson("[1]"));
    }

    @Test
    void missingPasswordsAndSecretsAreReportedForThisEnvironment() {
        NotificationSettings s =
                NotificationSettings.fromJson(
                        """
                {"email": {"enabled": true, "host": "smtp.example.com", "username": "bot", "from": "a@example.com", "recipients": ["b@example.com"]},
                 "webhooks": [{"name": "siem", "url": "https://siem.example.com/x", "secretEnv": "SIEM_SECRET"},
                              {"name": "ding", "format": "DINGTALK", "url": "https://oapi.dingtalk.com/robot/send"}]}""");
        assertEquals(
                List.of(
                        "email: no SMTP password: set the environment variable AKGUARD_SMTP_PASSWORD",
                        "webhook 'siem': no signing secret: set the environment variable SIEM_SECRET"),
                s.missingSecrets(n -> null));
        assertEquals(
                List.of(),
                s.missingSecrets(
                        java.util.Map.of("AKGUARD_SMTP_PASSWORD", "p", "SIEM_SECRET", "s")::get));
        s.email.password = "stored";
        assertEquals(1, s.missingSecrets(n -> null).size());
    }

    @Test
    void retryPolicyFollowsTheSettings() {
        NotificationSettings s =
                NotificationSettings.fromJson(
                        "{\"retry\": {\"maxAttempts\": 3, \"initialBackoffSeconds\": 10, \"maxBackoffSeconds\": 15}}");
        Backoff p = s.backoff();
        Instant t = Instant.EPOCH;
        assertEquals(t.plusSeconds(10), p.nextAttempt(1, t).orElseThrow());
        assertEquals(t.plusSeconds(15), p.nextAttempt(2, t).orElseThrow(), "capped");
        assertTrue(p.nextAttempt(3, t).isEmpty(), "third attempt was the last");
    }

    @Test
    void backoffDoublesUpToTheCap() {
        Backoff p = Backoff.exponential(20, Duration.ofSeconds(30), Duration.ofHours(1));
        Instant t = Instant.EPOCH;
        assertEquals(
                List.of(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3600L, 3600L),
                java.util.stream.IntStream.rangeClosed(1, 9)
                        .mapToObj(a -> p.nextAttempt(a, t).orElseThrow().getEpochSecond())
                        .toList());
        assertThrows(
                IllegalArgumentException.class,
                () -> Backoff.exponential(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }
}
