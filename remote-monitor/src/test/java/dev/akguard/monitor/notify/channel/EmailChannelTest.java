package dev.akguard.monitor.notify.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.notify.AlertNotification;
import dev.akguard.monitor.notify.Message;
import dev.akguard.monitor.notify.Messages;
import dev.akguard.monitor.notify.NotificationSettings;
import dev.akguard.monitor.redact.Redaction;
import dev.akguard.testkit.fixtures.TestKeys;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmailChannelTest {
    private static final String PASSWORD = TestKeys.random(20);

    /**
     * Plain SMTP on a free loopback port; it offers no STARTTLS, which the REQUIRED test relies on.
     */
    @RegisterExtension
    static final GreenMailExtension MAIL =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(
                            GreenMailConfiguration.aConfig()
                                    .withUser("bot@example.com", "bot", PASSWORD));

    private final String keyId = TestKeys.accessKeyId();
    private final String secret = TestKeys.secret();

    private NotificationSettings.Email settings(NotificationSettings.StartTls tls) {
        NotificationSettings.Email e = new NotificationSettings.Email();
        e.enabled = true;
        e.host = "127.0.0.1";
        e.port = MAIL.getSmtp().getPort();
        e.starttls = tls;
        e.username = "bot";
        e.passwordEnv = "TEST_SMTP_PASSWORD";
        e.from = "akguard@example.com";
        e.recipients = List.of("security@example.com", "oncall@example.com");
        e.timeoutSeconds = 5;
        return e;
    }

    private Message leak() {
        return Messages.leak(
                new AlertNotification(
                        31,
                        keyId,
                        Redaction.secret(secret),
                        Validity.VALID,
                        "1000000000000001",
                        "acme/shop",
                        "deploy/app.yml",
                        7,
                        "https://github.com/acme/shop/blob/main/deploy/app.yml#L7"),
                Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    void theEmailArrivesWithSubjectBodyHeadersAndNoSecret() throws Exception {
        EmailChannel ch =
                new EmailChannel(
                        settings(NotificationSettings.StartTls.OPTIONAL),
                        Map.of("TEST_SMTP_PASSWORD", PASSWORD)::get);
        ch.deliver(new Delivery("akguard-17-1772445600000", leak()));
        assertTrue(MAIL.waitForIncomingEmail(5000, 2));
        MimeMessage[] got = MAIL.getReceivedMessages();
        assertEquals(2, got.length, "one copy per recipient");
        MimeMessage m = got[0];
        assertEquals("[akguard] AccessKey leak: " + keyId + " (VALID)", m.getSubject());
        assertArrayEquals(
                new InternetAddress[] {new InternetAddress("akguard@example.com")}, m.getFrom());
        assertEquals(
                List.of("security@example.com", "oncall@example.com"),
                Arrays.stream(m.getAllRecipients())
                        .map(a -> ((InternetAddress) a).getAddress())
                        .toList());
        assertEquals("<akguard-17-1772445600000@example.com>", m.getMessageID());
        assertEquals("akguard-17-1772445600000", m.getHeader("X-Akguard-Delivery")[0]);
        assertEquals("31", m.getHeader("X-Akguard-Alert")[0]);
        String body = (String) m.getContent(); // decoded text/plain
        String raw =
                GreenMailUtil.getWholeMessage(m)
                        .replace("=\r\n", ""); // without quoted-printable soft breaks
        assertTrue(body.contains("AccessKey ID: " + keyId), body);
        assertTrue(body.contains("Secret: " + secret.substring(0, 3)), body);
        assertTrue(body.contains("File: deploy/app.yml:7"), body);
        assertTrue(body.contains("akguard monitor handle 31 --method disabled --apply"), body);
        assertFalse(
                raw.contains(secret) || body.contains(secret),
                "the full secret must never be in the email");
        assertTrue(m.getContentType().startsWith("text/plain; charset=UTF-8"), m.getContentType());
    }

    @Test
    void aRetryCarriesTheSameMessageId() throws Exception {
        EmailChannel ch =
                new EmailChannel(
                        settings(NotificationSettings.StartTls.OPTIONAL),
                        Map.of("TEST_SMTP_PASSWORD", PASSWORD)::get);
        ch.deliver(new Delivery("akguard-3-1", leak()));
        ch.deliver(new Delivery("akguard-3-1", leak()));
        assertTrue(MAIL.waitForIncomingEmail(5000, 4));
        assertEquals(
                1,
                Arrays.stream(MAIL.getReceivedMessages())
                        .map(
                                m -> {
                                    try {
                                        return m.getMessageID();
                                    } catch (Exception e) {
                                        throw new IllegalStateException(e);
                                    }
                                })
                        .distinct()
                        .count());
    }

    @Test
    void requiredStartTlsNeverSendsInTheClear() {
        EmailChannel ch =
                new EmailChannel(
                        settings(NotificationSettings.StartTls.REQUIRED),
                        Map.of("TEST_SMTP_PASSWORD", PASSWORD)::get);
        DeliveryException e =
                assertThrows(DeliveryException.class, () -> ch.deliver(new Delivery("k", leak())));
        assertTrue(e.getMessage().contains("STARTTLS"), e.getMessage());
        assertFalse(e.permanent(), "the server may be fixed; retry with backoff");
        assertEquals(0, MAIL.getReceivedMessages().length);
    }

    @Test
    void aWrongPasswordIsAPermanentFailureThatDoesNotEchoThePassword() {
        String wrong = TestKeys.random(20);
        EmailChannel ch =
                new EmailChannel(
                        settings(NotificationSettings.StartTls.OPTIONAL),
                        Map.of("TEST_SMTP_PASSWORD", wrong)::get);
        DeliveryException e =
                assertThrows(DeliveryException.class, () -> ch.deliver(new Delivery("k", leak())));
        assertTrue(e.permanent());
        assertTrue(e.getMessage().contains("rejected user 'bot'"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong));
        assertEquals(0, MAIL.getReceivedMessages().length);
    }

    @Test
    void aMissingPasswordNamesTheVariable() {
        EmailChannel ch =
                new EmailChannel(settings(NotificationSettings.StartTls.OPTIONAL), name -> null);
        DeliveryException e =
                assertThrows(DeliveryException.class, () -> ch.deliver(new Delivery("k", leak())));
        assertTrue(
                e.getMessage().contains("set the environment variable TEST_SMTP_PASSWORD"),
                e.getMessage());
    }

    @Test
    void theStoredPasswordIsUsedWhenTheVariableIsUnset() throws Exception {
        NotificationSettings.Email s = settings(NotificationSettings.StartTls.OPTIONAL);
        s.password = PASSWORD;
        new EmailChannel(s, name -> null).deliver(new Delivery("k2", leak()));
        assertTrue(MAIL.waitForIncomingEmail(5000, 2));
    }

    @Test
    void anUnreachableServerIsRetryable() {
        NotificationSettings.Email s = settings(NotificationSettings.StartTls.OPTIONAL);
        s.port = 1; // nothing listens on port 1
        DeliveryException e =
                assertThrows(
                        DeliveryException.class,
                        () ->
                                new EmailChannel(s, Map.of("TEST_SMTP_PASSWORD", PASSWORD)::get)
                                        .deliver(new Delivery("k", leak())));
        assertFalse(e.permanent());
        assertTrue(
                e.getMessage().startsWith("email: cannot send through 127.0.0.1:1"),
                e.getMessage());
    }
}
