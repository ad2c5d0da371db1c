package dev.akguard.console.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}, compared in
 * constant time.
 */
public final class GitHubSignature {
    public static final String HEADER = "X-Hub-Signature-256";

    private GitHubSignature() {}

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }

    public static boolean verify(String secret, String header, byte[] body) {
        if (secret == null
                || secret.isEmpty()
                || header == null
                || !header.startsWith("sha256=")
                || header.length() != 71) return false;
        return MessageDigest.isEqual(
                sign(secret, body).getBytes(StandardCharsets.US_ASCII),
                header.getBytes(StandardCharsets.US_ASCII));
    }
}
