package dev.akguard.monitor.notify.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.notify.AlertNotification;
import dev.akguard.monitor.notify.Messages;
import dev.akguard.monitor.notify.NotificationSettings;
import dev.akguard.monitor.redact.Redaction;
import dev.akguard.testkit.fixtures.TestKeys;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default, STARTTLS REQUIRED, against a server that offers it: TLS before the password,
 * certificate checked.
 */
class EmailStartTlsTest {
    /** Shared by the tests so keytool runs once. */
    @TempDir static Path dir;

    private NotificationSettings.Email settings(int port) {
        NotificationSettings.Email e = new NotificationSettings.Email();
        e.enabled = true;
        e.host = "127.0.0.1";
        e.port = port;
        e.username = "bot";
        e.passwordEnv = "PW";
        e.from = "akguard@example.com";
        e.recipients = List.of("security@example.com");
        e.timeoutSeconds = 10;
        return e;
    }

    @Test
    void passwordAndMessageTravelOnlyInsideTls() throws Exception {
        String password = TestKeys.random(20);
        String secret = TestKeys.secret();
        String keyId = TestKeys.accessKeyId();
        SSLContext previous = SSLContext.getDefault();
        try (StartTlsSmtpServer smtp = new StartTlsSmtpServer(dir)) {
            SSLContext.setDefault(smtp.clientTls()); // trust the throwaway certificate, and only it
            NotificationSettings.Email s = settings(smtp.port());
            assertEquals(NotificationSettings.StartTls.REQUIRED, s.starttls, "the default");
            new EmailChannel(s, Map.of("PW", password)::get)
                    .deliver(
                            new Delivery(
                                    "akguard-1-2",
                                    Messages.leak(
                                            new AlertNotification(
                                                    1,
                                                    keyId,
                                                    Redaction.secret(secret),
                                                    Validity.VALID,
                                                    null,
                                                    "a/b",
                                                    "c",
                                                    1,
                                                    null),
                                            Instant.parse("2026-03-02T10:00:00Z"))));
            List<StartTlsSmtpServer.Received> got = smtp.received();
            assertEquals(1, got.size());
            StartTlsSmtpServer.Received r = got.get(0);
            assertEquals("bot", r.user());
            assertEquals(password, r.password());
            assertTrue(r.authOverTls(), "AUTH only after STARTTLS");
            assertTrue(r.dataOverTls(), "the message only after STARTTLS");
            assertEquals(List.of("security@example.com"), r.recipients());
            assertTrue(
                    r.data().contains("Subject: [akguard] AccessKey leak: " + keyId + " (VALID)"),
                    r.data());
            assertFalse(r.data().replace("=\n", "").contains(secret));
        } finally {
            SSLContext.setDefault(previous);
        }
    }

    @Test
    void anUntrustedCertificateIsRefused() throws Exception {
        try (StartTlsSmtpServer smtp = new StartTlsSmtpServer(dir)) {
            // default trust store: the throwaway certificate is not trusted
            DeliveryException e =
                    assertThrows(
                            DeliveryException.class,
                            () ->
                                    new EmailChannel(settings(smtp.port()), Map.of("PW", "x")::get)
                                            .deliver(
                                                    new Delivery(
                                                            "k", Messages.test(Instant.now()))));
            assertFalse(e.permanent());
            assertTrue(
                    e.getMessage().contains("PKIX") || e.getMessage().contains("certificat"),
                    e.getMessage());
            assertTrue(smtp.received().isEmpty());
        }
    }
}
