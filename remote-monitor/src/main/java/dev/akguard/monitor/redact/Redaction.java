package dev.akguard.monitor.redact;

import dev.akguard.core.finding.Secret;
import dev.akguard.core.text.Untrusted;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The monitor's one place for keeping credentials out of text. Secrets of leaked keys follow the
 * engine's rule ({@link Secret#redact}: first 3 characters and "…"); credentials of our own
 * (database passwords, webhook URLs, signed Alibaba Cloud request URLs) are cut out of every
 * message before it is printed, logged or stored.
 */
public final class Redaction {

    /** What replaces a credential. */
    public static final String MASK = "***";

    private static final Pattern PASSWORD_PARAM =
            Pattern.compile("(?i)([?&;]\\s*[\\w.-]*password\\s*=)([^&;\\s'\"]*)");
    private static final Pattern USERINFO =
            Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://)([^/?#@\\s'\"]*)@");
    private static final Pattern QUERY =
            Pattern.compile("(?i)(\\b[a-z][a-z0-9+.-]*://[^\\s?#'\"]*)\\?[^\\s'\")]*");
    private static final Pattern SIGNED_PARAM =
            Pattern.compile(
                    "(?i)\\b(SecurityToken|Signature|SignatureNonce|AccessKeySecret)=[^&\\s'\")]*");

    private Redaction() {}

    /** The redacted form of a leaked secret (the engine's rule); null for none. */
    public static String secret(String secret) {
        return secret == null || secret.isEmpty() ? null : Secret.redact(secret);
    }

    /**
     * Whether {@code s} is a form a secret may take in a message: redacted ({@code abc…}) or {@code
     * sha256:<hex>}.
     */
    public static boolean isRedacted(String s) {
        if (s == null) return true;
        if (s.endsWith("…") && s.length() <= 4) return true;
        return s.matches("sha256:[0-9a-f]{64}");
    }

    /** Throws when {@code s} could be a plaintext secret; the message never repeats the value. */
    public static String requireRedacted(String s) {
        if (!isRedacted(s)) {
            throw new IllegalArgumentException(
                    "refusing a notification with an unredacted secret ("
                            + s.length()
                            + " characters): pass the redacted form (first 3 characters + \"…\") or sha256:<hex>");
        }
        return s;
    }

    /**
     * A JDBC URL without its credentials: every {@code password=} value and any {@code user:pw@}
     * userinfo masked.
     */
    public static String jdbcUrl(String url) {
        return url == null ? null : credentials(url);
    }

    /**
     * {@code message} (ours or a driver's, which may quote the URL in any form) with the
     * credentials of {@code url} masked wherever they appear, raw or %-decoded, and any {@code
     * password=} / userinfo cut.
     */
    public static String jdbcMessage(String message, String url) {
        if (message == null) return null;
        String out = message;
        if (url != null) {
            for (String secret : passwordsIn(url)) out = out.replace(secret, MASK);
        }
        return credentials(out);
    }

    /**
     * Text from the Alibaba Cloud SDK without query strings: its network errors quote the whole
     * signed request URL (SecurityToken, Signature, SignatureNonce, AccessKeyId).
     */
    public static String signedUrls(String text) {
        if (text == null) return null;
        String out =
                QUERY.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "?…"));
        out = SIGNED_PARAM.matcher(out).replaceAll("$1=…");
        return credentials(out);
    }

    /**
     * A URL shown to a person when it may be a bearer credential (DingTalk/Slack webhooks): scheme,
     * host, port and the start of the path; no userinfo, no query.
     */
    public static String url(String url) {
        if (url == null) return null;
        try {
            URI u = new URI(url);
            if (u.getScheme() == null || u.getHost() == null) return "(invalid url)";
            String path = u.getPath() == null ? "" : u.getPath();
            if (path.length() > 12) path = path.substring(0, 12) + "…";
            String host = u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
            return Untrusted.inline(
                    u.getScheme() + "://" + host + path + (u.getRawQuery() == null ? "" : "?…"));
        } catch (Exception e) {
            return "(invalid url)";
        }
    }

    private static String credentials(String text) {
        String out =
                PASSWORD_PARAM
                        .matcher(text)
                        .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return USERINFO.matcher(out)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
    }

    /**
     * The password values a URL carries (query/semicolon parameters and userinfo), raw and
     * %-decoded.
     */
    private static Set<String> passwordsIn(String url) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PASSWORD_PARAM.matcher(url);
        while (m.find()) addWithDecoded(out, m.group(2));
        Matcher u = USERINFO.matcher(url);
        while (u.find()) {
            String info = u.group(2);
            int colon = info.indexOf(':');
            if (colon >= 0) addWithDecoded(out, info.substring(colon + 1));
        }
        return out;
    }

    private static void addWithDecoded(Set<String> out, String raw) {
        if (raw.isEmpty()) return;
        out.add(raw);
        try {
            String decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            if (!decoded.isEmpty()) out.add(decoded);
        } catch (IllegalArgumentException badEscape) {
            // a bad %-escape: the raw form is what any message quotes
        }
    }
}
