package dev.akguard.monitor.notify.channel;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures on outgoing webhooks.
 *
 * <p>Generic JSON: header {@code X-Akguard-Timestamp: <unix seconds>} and {@code
 * X-Akguard-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>}. The timestamp
 * is inside the MAC, so a receiver that rejects old timestamps (see {@link #verify}) cannot be fed
 * a replay.
 *
 * <p>DingTalk robot: {@code sign = urlencode(base64(HMAC-SHA256(secret, timestampMillis + "\n" +
 * secret)))}, sent with {@code timestamp} as query parameters, as DingTalk's documentation
 * prescribes.
 */
public final class WebhookSignature {
    public static final String SIGNATURE_HEADER = "X-Akguard-Signature";
    public static final String TIMESTAMP_HEADER = "X-Akguard-Timestamp";
    public static final String DELIVERY_HEADER = "X-Akguard-Delivery";
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private WebhookSignature() {}

    /** The {@code X-Akguard-Signature} value for a body sent at {@code epochSeconds}. */
    public static String sign(String secret, long epochSeconds, byte[] body) {
        byte[] prefix = (epochSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        return "sha256=" + HexFormat.of().formatHex(hmacSha256(secret, signed));
    }

    /**
     * What a receiver does: true only when the signature matches (compared in constant time) and
     * the timestamp is within {@code tolerance} of {@code now}.
     */
    public static boolean verify(
            String secret,
            String timestampHeader,
            String signatureHeader,
            byte[] body,
            Instant now,
            Duration tolerance) {
        if (timestampHeader == null || signatureHeader == null) return false;
        long ts;
        try {
            ts = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - ts) > tolerance.toSeconds()) return false;
        byte[] expected = sign(secret, ts, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(
                expected, signatureHeader.trim().getBytes(StandardCharsets.US_ASCII));
    }

    /** DingTalk's {@code sign} query parameter before URL encoding. */
    public static String dingTalkSign(String secret, long timestampMillis) {
        byte[] mac =
                hmacSha256(
                        secret, (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac);
    }

    static byte[] hmacSha256(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
