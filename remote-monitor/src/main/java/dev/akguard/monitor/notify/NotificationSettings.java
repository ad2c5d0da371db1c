package dev.akguard.monitor.notify;

import com.google.gson.annotations.SerializedName;
import dev.akguard.monitor.redact.Redaction;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.settings.SettingsException;
import dev.akguard.monitor.settings.SettingsJson;
import dev.akguard.monitor.settings.SettingsStore;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Who is told what, and how (see docs/monitor/notifications.md). Persisted as one JSON document
 * through a {@link SettingsStore}. Passwords and signing secrets are best left out of it: name an
 * environment variable ({@code passwordEnv}, {@code secretEnv}) instead; {@link #redactedJson()} is
 * what `notify show` prints.
 */
public final class NotificationSettings {
    public static final String INBOX = "inbox";
    public static final String EMAIL = "email";
    public static final String WEBHOOK_PREFIX = "webhook:";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\",]+@[^@\\s<>\",]+");

    public NotifyPolicy policy = NotifyPolicy.VALID_ONLY;

    /** Anomalies come from real calls, so the key worked: they notify unless turned off here. */
    public boolean notifyAnomalies = true;

    public Inbox inbox = new Inbox();
    public Email email = new Email();
    public List<Webhook> webhooks = new ArrayList<>();
    public Retry retry = new Retry();

    public static final class Inbox {
        public boolean enabled = true;
    }

    public static final class Email {
        public boolean enabled;
        public String host;
        public int port = 587;

        /** REQUIRED: never send without TLS; OPTIONAL: use STARTTLS when the server offers it. */
        public StartTls starttls = StartTls.REQUIRED;

        public String username;

        /** Environment variable holding the SMTP password (preferred over {@link #password}). */
        public String passwordEnv = "AKGUARD_SMTP_PASSWORD";

        /**
         * The SMTP password itself, for setups that keep it in the settings store; never printed.
         */
        public String password;

        public String from;
        public List<String> recipients = new ArrayList<>();
        public int timeoutSeconds = 20;
    }

    public enum StartTls {
        @SerializedName(value = "REQUIRED", alternate = "required")
        REQUIRED,
        @SerializedName(value = "OPTIONAL", alternate = "optional")
        OPTIONAL
    }

    public static final class Webhook {
        /**
         * Names the channel ({@code webhook:<name>}) in the outbox and in `notify test` results.
         */
        public String name;

        public boolean enabled = true;
        public WebhookFormat format = WebhookFormat.GENERIC;

        /**
         * https, or http to a loopback address (tests, local relays). DingTalk/Slack URLs carry
         * their token.
         */
        public String url;

        /**
         * Environment variable with the signing secret (generic HMAC key, DingTalk "SEC…" secret).
         */
        public String secretEnv;

        /** The signing secret itself, when kept in the settings store; never printed. */
        public String secret;

        public int timeoutSeconds = 20;
    }

    public enum WebhookFormat {
        @SerializedName(value = "GENERIC", alternate = "generic")
        GENERIC,
        @SerializedName(value = "DINGTALK", alternate = "dingtalk")
        DINGTALK,
        @SerializedName(value = "SLACK", alternate = "slack")
        SLACK
    }

    /**
     * Exponential backoff: initial, doubled per attempt, capped; after maxAttempts the item is
     * dead.
     */
    public static final class Retry {
        public int maxAttempts = 8;
        public int initialBackoffSeconds = 30;
        public int maxBackoffSeconds = 3600;
    }

    public static NotificationSettings defaults() {
        return new NotificationSettings();
    }

    /** The dispatcher's retry policy these settings describe. */
    public Backoff backoff() {
        return Backoff.exponential(
                retry.maxAttempts,
                Duration.ofSeconds(retry.initialBackoffSeconds),
                Duration.ofSeconds(retry.maxBackoffSeconds));
    }

    public static NotificationSettings fromJson(String json) {
        NotificationSettings s =
                SettingsJson.read(json, NotificationSettings.class, "notification settings");
        s.fillMissingSections();
        s.validate();
        return s;
    }

    public static NotificationSettings load(SettingsStore store) {
        return store.load()
                .map(NotificationSettings::fromJson)
                .orElseGet(NotificationSettings::defaults);
    }

    public void save(SettingsStore store) {
        fillMissingSections();
        validate();
        store.save(toJson());
    }

    public String toJson() {
        return SettingsJson.write(this);
    }

    /**
     * The settings as JSON with stored passwords and secrets replaced by "(set)": safe to print.
     */
    public String redactedJson() {
        NotificationSettings copy = fromJson(toJson());
        if (copy.email.password != null) copy.email.password = "(set)";
        for (Webhook w : copy.webhooks) {
            if (w.secret != null) w.secret = "(set)";
            w.url = Redaction.url(w.url);
        }
        return copy.toJson();
    }

    /**
     * Warnings for `notify show|set`: enabled channels whose password or signing secret is neither
     * stored nor in the named environment variable of this process (deliveries would fail until it
     * is set).
     */
    public List<String> missingSecrets(UnaryOperator<String> env) {
        List<String> out = new ArrayList<>();
        if (email.enabled
                && email.username != null
                && !email.username.isBlank()
                && absent(env, email.passwordEnv, email.password)) {
            out.add(
                    "email: no SMTP password: set "
                            + (email.passwordEnv == null
                                    ? "email.password"
                                    : "the environment variable " + email.passwordEnv));
        }
        for (Webhook w : webhooks) {
            if (w.enabled
                    && w.format == WebhookFormat.GENERIC
                    && absent(env, w.secretEnv, w.secret)) {
                out.add(
                        "webhook '"
                                + w.name
                                + "': no signing secret: set "
                                + (w.secretEnv == null
                                        ? "its secret"
                                        : "the environment variable " + w.secretEnv));
            }
        }
        return out;
    }

    private static boolean absent(UnaryOperator<String> env, String envName, String stored) {
        boolean inEnv =
                envName != null
                        && !envName.isBlank()
                        && env.apply(envName) != null
                        && !env.apply(envName).isEmpty();
        return !inEnv && (stored == null || stored.isEmpty());
    }

    /** Ids of the channels a notification goes to, in delivery order. */
    public List<String> enabledChannels() {
        List<String> out = new ArrayList<>();
        if (inbox.enabled) out.add(INBOX);
        if (email.enabled) out.add(EMAIL);
        for (Webhook w : webhooks) if (w.enabled) out.add(WEBHOOK_PREFIX + w.name);
        return out;
    }

    public Webhook webhook(String name) {
        return webhooks.stream()
                .filter(w -> w.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new SettingsException("no webhook named '" + name + "'"));
    }

    /**
     * Throws a {@link SettingsException} listing every problem, each with what to write instead.
     */
    public void validate() {
        fillMissingSections();
        List<String> p = new ArrayList<>();
        if (policy == null) p.add("policy must be VALID_ONLY or ALWAYS");
        if (email.enabled) {
            if (email.host == null || email.host.isBlank())
                p.add("email.host is required when email is enabled");
            if (email.port < 1 || email.port > 65535) p.add("email.port must be 1..65535");
            if (email.starttls == null) p.add("email.starttls must be REQUIRED or OPTIONAL");
            if (email.from == null || !ADDRESS.matcher(email.from).matches())
                p.add("email.from must be an address like akguard@example.com");
            if (email.recipients == null || email.recipients.isEmpty())
                p.add("email.recipients needs at least one address");
            else
                for (String r : email.recipients) {
                    if (r == null || !ADDRESS.matcher(r.trim()).matches())
                        p.add(
                                "email recipient '"
                                        + r
                                        + "' is not an address like security@example.com");
                }
            if (email.timeoutSeconds < 1) p.add("email.timeoutSeconds must be at least 1");
        }
        Set<String> names = new HashSet<>();
        for (Webhook w : webhooks) {
            if (w == null) {
                p.add("webhooks must not contain null");
                continue;
            }
            if (w.name == null || !NAME.matcher(w.name).matches())
                p.add(
                        "webhook name '"
                                + w.name
                                + "' must be 1-40 letters, digits, '.', '_' or '-'");
            else if (!names.add(w.name)) p.add("webhook name '" + w.name + "' is used twice");
            if (w.format == null)
                p.add("webhook '" + w.name + "': format must be GENERIC, DINGTALK or SLACK");
            String urlProblem = urlProblem(w.url);
            if (urlProblem != null) p.add("webhook '" + w.name + "': " + urlProblem);
            if (w.format == WebhookFormat.GENERIC
                    && w.enabled
                    && w.secret == null
                    && w.secretEnv == null) {
                p.add(
                        "webhook '"
                                + w.name
                                + "': a generic webhook is signed; set secretEnv (an environment variable name) or secret");
            }
            if (w.timeoutSeconds < 1)
                p.add("webhook '" + w.name + "': timeoutSeconds must be at least 1");
        }
        if (retry.maxAttempts < 1) p.add("retry.maxAttempts must be at least 1");
        if (retry.initialBackoffSeconds < 1)
            p.add("retry.initialBackoffSeconds must be at least 1");
        if (retry.maxBackoffSeconds < retry.initialBackoffSeconds)
            p.add("retry.maxBackoffSeconds must be at least retry.initialBackoffSeconds");
        if (!p.isEmpty())
            throw new SettingsException("notification settings: " + String.join("; ", p));
    }

    private static String urlProblem(String url) {
        if (url == null || url.isBlank()) return "url is required";
        URI u;
        try {
            u = new URI(url);
        } catch (Exception e) {
            return "url '" + Redaction.url(url) + "' is not a valid URL";
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (u.getHost() == null) return "url '" + Redaction.url(url) + "' has no host";
        if (scheme.equals("https")) return null;
        if (scheme.equals("http") && isLoopback(u.getHost())) return null;
        return "url must use https (plain http only to 127.0.0.1, ::1 or localhost)";
    }

    /**
     * Loopback means an IP literal in 127.0.0.0/8, the IPv6 loopback, or exactly {@code localhost}:
     * never a name that merely starts with "127." ({@code 127.evil.example} resolves wherever its
     * owner wants).
     */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) return true;
        if (h.startsWith("[") && h.endsWith("]")) {
            try { // an IPv6 literal: parsed, never resolved
                return java.net.InetAddress.getByName(h).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        java.util.regex.Matcher m = IPV4.matcher(h);
        if (!m.matches()) return false;
        for (int i = 1; i <= 4; i++) if (Integer.parseInt(m.group(i)) > 255) return false;
        return m.group(1).equals("127");
    }

    private static final java.util.regex.Pattern IPV4 =
            java.util.regex.Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private void fillMissingSections() {
        if (inbox == null) inbox = new Inbox();
        if (email == null) email = new Email();
        if (email.recipients == null) email.recipients = new ArrayList<>();
        if (webhooks == null) webhooks = new ArrayList<>();
        if (retry == null) retry = new Retry();
    }
}
