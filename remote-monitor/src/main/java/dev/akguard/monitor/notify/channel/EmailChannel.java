package dev.akguard.monitor.notify.channel;

import dev.akguard.monitor.notify.Message;
import dev.akguard.monitor.notify.MessageRenderer;
import dev.akguard.monitor.notify.NotificationSettings;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Sends the message by SMTP (Jakarta Mail). STARTTLS is required by default, so the password and
 * the message never cross the network in the clear. The Message-ID is derived from the idempotency
 * key: a retried delivery carries the same Message-ID, which mail clients and archives use to fold
 * duplicates.
 */
public final class EmailChannel implements Channel {
    private final NotificationSettings.Email cfg;
    private final UnaryOperator<String> env;

    public EmailChannel(NotificationSettings.Email cfg, UnaryOperator<String> env) {
        this.cfg = cfg;
        this.env = env;
    }

    @Override
    public String id() {
        return NotificationSettings.EMAIL;
    }

    @Override
    public void deliver(Delivery d) throws DeliveryException {
        String password = SecretResolver.resolve(env, cfg.passwordEnv, cfg.password);
        boolean auth = cfg.username != null && !cfg.username.isBlank();
        if (auth && password == null) {
            throw new DeliveryException(
                    "email: no SMTP password: set the environment variable "
                            + cfg.passwordEnv
                            + " (or email.password in the settings)",
                    false);
        }
        Session session = Session.getInstance(properties(auth));
        try {
            MimeMessage mail = build(session, d);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(
                        cfg.host, cfg.port, auth ? cfg.username : null, auth ? password : null);
                transport.sendMessage(mail, mail.getAllRecipients());
            }
        } catch (AuthenticationFailedException e) {
            throw new DeliveryException(
                    "email: the SMTP server "
                            + cfg.host
                            + " rejected user '"
                            + cfg.username
                            + "': check email.username and the password",
                    true,
                    e);
        } catch (SendFailedException e) {
            throw new DeliveryException(
                    "email: the SMTP server refused the message or a recipient: " + oneLine(e),
                    isPermanent(e),
                    e);
        } catch (AddressException e) {
            throw new DeliveryException(
                    "email: bad address in the settings: " + oneLine(e), true, e);
        } catch (MessagingException e) {
            throw new DeliveryException(
                    "email: cannot send through " + cfg.host + ":" + cfg.port + ": " + oneLine(e),
                    false,
                    e);
        }
    }

    private Properties properties(boolean auth) {
        Properties p = new Properties();
        String ms = String.valueOf(cfg.timeoutSeconds * 1000L);
        p.put("mail.smtp.host", cfg.host);
        p.put("mail.smtp.port", String.valueOf(cfg.port));
        p.put("mail.smtp.auth", String.valueOf(auth));
        p.put("mail.smtp.starttls.enable", "true");
        p.put(
                "mail.smtp.starttls.required",
                String.valueOf(cfg.starttls == NotificationSettings.StartTls.REQUIRED));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        p.put("mail.smtp.from", cfg.from);
        return p;
    }

    private MimeMessage build(Session session, Delivery d) throws MessagingException {
        Message m = d.message();
        MimeMessage mail = new FixedIdMimeMessage(session, messageId(d.idempotencyKey(), cfg.from));
        mail.setFrom(new InternetAddress(cfg.from, true));
        mail.setRecipients(
                jakarta.mail.Message.RecipientType.TO,
                InternetAddress.parse(String.join(",", cfg.recipients), true));
        mail.setSubject("[akguard] " + m.title(), "UTF-8");
        mail.setText(MessageRenderer.plainText(m), "UTF-8");
        mail.setSentDate(Date.from(m.createdAt()));
        mail.setHeader("X-Akguard-Delivery", d.idempotencyKey());
        mail.setHeader("X-Akguard-Alert", String.valueOf(m.alertId()));
        mail.setHeader("X-Akguard-Kind", m.kind());
        return mail;
    }

    /** {@code <key@domain-of-from>}: unique per outbox item, identical across its retries. */
    static String messageId(String key, String from) {
        String domain =
                from.substring(from.indexOf('@') + 1)
                        .replaceAll("[^A-Za-z0-9.-]", "")
                        .toLowerCase(Locale.ROOT);
        return "<"
                + key.replaceAll("[^A-Za-z0-9.-]", "-")
                + "@"
                + (domain.isEmpty() ? "akguard.invalid" : domain)
                + ">";
    }

    private static boolean isPermanent(SendFailedException e) {
        // Invalid addresses are a settings problem; a temporary 4xx reply leaves nothing in
        // getInvalidAddresses().
        return e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
    }

    private static String oneLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable c = e.getCause();
        if (c != null && c.getMessage() != null && !m.contains(c.getMessage()))
            m += " (" + c.getMessage() + ")";
        return m.replaceAll("\\s+", " ").trim();
    }

    /** Jakarta Mail replaces Message-ID on save; this keeps ours. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String id;

        FixedIdMimeMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
