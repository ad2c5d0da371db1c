package dev.akguard.monitor.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.Anomaly;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.redact.Redaction;
import dev.akguard.testkit.fixtures.TestKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private final String keyId = TestKeys.accessKeyId();
    private final String secret = TestKeys.secret();

    private AlertNotification alert(Validity v) {
        return new AlertNotification(
                42,
                keyId,
                Redaction.secret(secret),
                v,
                "1000000000000001",
                "acme/shop",
                "src/config_[prod].py",
                12,
                "https://github.com/acme/shop/blob/abc/src/config_%5Bprod%5D.py#L12");
    }

    @Test
    void anInvalidPairsMessageNeverTellsPeopleToActOnTheKey() {
        String text = MessageRenderer.plainText(Messages.leak(alert(Validity.INVALID), NOW));
        assertFalse(text.contains("--apply"), text);
        assertTrue(text.contains("do not disable or delete the key"), text);
        for (Validity v : List.of(Validity.UNKNOWN, Validity.UNVERIFIED)) {
            String t = MessageRenderer.plainText(Messages.leak(alert(v), NOW));
            assertTrue(t.contains("akguard monitor verify 42"), "verify first: " + t);
        }
    }

    @Test
    void leakMessageCarriesEveryFactAndOnlyTheRedactedSecret() {
        Message m = Messages.leak(alert(Validity.VALID), NOW);
        assertEquals("leak", m.kind());
        assertEquals(42, m.alertId());
        assertEquals("AccessKey leak: " + keyId + " (VALID)", m.title());
        String text = MessageRenderer.plainText(m);
        assertTrue(text.contains("AccessKey ID: " + keyId), text);
        assertTrue(text.contains("Secret: " + secret.substring(0, 3) + "… (redacted)"), text);
        assertTrue(text.contains("Validity: VALID"), text);
        assertTrue(text.contains("Account: 1000000000000001"), text);
        assertTrue(text.contains("Repository: acme/shop"), text);
        assertTrue(
                text.contains(
                        "File: src/config_[prod].py:12 <https://github.com/acme/shop/blob/abc/src/config_%5Bprod%5D.py#L12>"),
                text);
        assertTrue(text.contains("akguard monitor handle 42 --method disabled --apply"), text);
        assertTrue(text.contains("still works"), text);
        for (String rendered :
                List.of(
                        text,
                        MessageRenderer.markdown(m),
                        MessageRenderer.slackMrkdwn(m),
                        MessageCodec.encode(m))) {
            assertFalse(rendered.contains(secret), "full secret leaked into " + rendered);
            assertFalse(
                    rendered.contains(secret.substring(0, 4)),
                    "more than 3 secret characters in " + rendered);
        }
    }

    @Test
    void hostileRepositoryPathAndEvidenceAreInertInEveryChannel() {
        AlertNotification n =
                new AlertNotification(
                        7,
                        keyId,
                        Redaction.secret(secret),
                        Validity.VALID,
                        null,
                        "acme/shop\u001b[2J",
                        "deploy/\u001b[31mPWNED\u001b[0m \n File: fake.yml:1/\u202econfig.yaml",
                        1,
                        "https://github.com/acme/shop/blob/c/x#L1");
        Message m = Messages.leak(n, NOW);
        Message anomaly =
                Messages.anomaly(
                        new AnomalyNotification(
                                7,
                                new Anomaly(
                                        "rate-spike",
                                        keyId,
                                        NOW,
                                        "calls from\nevil\u001b]0;t\u0007",
                                        List.of("ua: curl\u001b[2J\r\nforged: line"))),
                        NOW);
        for (Message x : List.of(m, anomaly, MessageCodec.decode(MessageCodec.encode(m)))) {
            for (String rendered :
                    List.of(
                            MessageRenderer.plainText(x),
                            MessageRenderer.markdown(x),
                            MessageRenderer.slackMrkdwn(x),
                            x.title())) {
                for (char c : rendered.toCharArray()) {
                    assertFalse(
                            c != '\n' && dev.akguard.core.text.Untrusted.needsEscape(c),
                            "raw U+" + Integer.toHexString(c) + " in " + rendered);
                }
                assertFalse(
                        rendered.contains("\nFile: fake.yml") || rendered.contains("\nforged"),
                        "a forged line in " + rendered);
            }
        }
        assertTrue(
                MessageRenderer.plainText(m)
                        .contains(
                                "File: deploy/\\e[31mPWNED\\e[0m \\n File: fake.yml:1/\\u202econfig.yaml:1"),
                MessageRenderer.plainText(m));
        assertEquals(
                m,
                MessageCodec.decode(MessageCodec.encode(m)),
                "escaping is idempotent: the outbox sends the same words");
    }

    @Test
    void markdownEscapesAndLinks() {
        String md = MessageRenderer.markdown(Messages.leak(alert(Validity.VALID), NOW));
        assertTrue(md.startsWith("### AccessKey leak: " + keyId + " (VALID)\n"), md);
        assertTrue(
                md.contains(
                        "- **File**: [src/config\\_\\[prod\\].py:12](https://github.com/acme/shop/blob/abc/src/config_%5Bprod%5D.py#L12)"),
                md);
        assertTrue(md.contains("- **Secret**: " + secret.substring(0, 3)), md);
        assertTrue(
                md.contains("`akguard monitor handle 42 --method disabled --apply`"),
                "commands as code spans: " + md);
    }

    @Test
    void slackMrkdwnEscapesAngleBracketsAndUsesSlackLinks() {
        Message m =
                new Message(
                        "test",
                        1,
                        NOW,
                        "t",
                        "a <b> & c",
                        List.of(new Message.Field("Link", "x|y", "https://e.example/a|b")),
                        List.of(),
                        null);
        String s = MessageRenderer.slackMrkdwn(m);
        assertTrue(s.startsWith("a &lt;b&gt; &amp; c\n"), s);
        assertTrue(s.contains("*Link:* <https://e.example/a%7Cb|x|y>"), s);
    }

    @Test
    void validityChangesTheSummary() {
        assertTrue(
                Messages.leak(alert(Validity.INVALID), NOW).summary().contains("does not accept"));
        assertTrue(Messages.leak(alert(Validity.DISABLED), NOW).summary().contains("disabled"));
        assertTrue(
                Messages.leak(alert(Validity.UNKNOWN), NOW)
                        .summary()
                        .contains("treat it as valid"));
    }

    @Test
    void anAlertCannotCarryAFullSecret() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new AlertNotification(
                                        1,
                                        keyId,
                                        secret,
                                        Validity.VALID,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null));
        assertFalse(e.getMessage().contains(secret), "the refusal must not print the secret");
        assertTrue(e.getMessage().contains("unredacted secret (30 characters)"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new AlertNotification(
                                1,
                                keyId,
                                secret.substring(0, 5) + "…",
                                Validity.VALID,
                                null,
                                null,
                                null,
                                null,
                                null));
        new AlertNotification(
                1,
                keyId,
                "sha256:" + "ab".repeat(32),
                Validity.VALID,
                null,
                null,
                null,
                null,
                null);
        Message idOnly =
                Messages.leak(
                        new AlertNotification(
                                1, keyId, null, Validity.UNVERIFIED, null, null, null, null, null),
                        NOW);
        String text = MessageRenderer.plainText(idOnly);
        assertTrue(text.contains("Secret: not found next to the ID"), text);
        assertTrue(
                text.startsWith(
                        "An AccessKey ID (without its secret) was found in public code on GitHub."),
                text);
        assertFalse(text.contains("null"), text);
    }

    @Test
    void anomalyMessageCarriesDetailAndEvidence() {
        Anomaly a =
                new Anomaly(
                        "sensitive-api",
                        keyId,
                        NOW,
                        "sensitive API CreateUser called once with " + keyId,
                        List.of("2026-03-02T09:59:00Z CreateUser (ram) from 203.0.113.5"));
        Message m = Messages.anomaly(new AnomalyNotification(7, a), NOW);
        assertEquals("anomaly", m.kind());
        assertEquals("Abnormal AccessKey call: Sensitive API called (" + keyId + ")", m.title());
        String text = MessageRenderer.plainText(m);
        assertTrue(text.startsWith("sensitive API CreateUser called once"), text);
        assertTrue(text.contains("Type: sensitive-api"), text);
        assertTrue(
                text.contains(
                        "Evidence:\n  - 2026-03-02T09:59:00Z CreateUser (ram) from 203.0.113.5"),
                text);
        assertTrue(text.contains("akguard monitor handle 7 --method disabled --apply"), text);
    }

    @Test
    void codecRoundTrips() {
        Message m = Messages.leak(alert(Validity.VALID), NOW);
        assertEquals(m, MessageCodec.decode(MessageCodec.encode(m)));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> MessageCodec.decode("{\"kind\":\"leak\"}"));
        assertTrue(e.getMessage().startsWith("unreadable notification payload"), e.getMessage());
    }
}
