package dev.akguard.core.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A secret value held in memory only. {@link #toString()} is redacted so that a stray log line or
 * exception message can never print it; reporters print {@link #value()} only under --show-secrets.
 */
public final class Secret {
    private final String value;
    private final String sha256;

    public Secret(String value) {
        this.value = value;
        this.sha256 = sha256Hex(value);
    }

    /** The plaintext. Callers must not log it or store it. */
    public String value() {
        return value;
    }

    /** First three characters and an ellipsis: enough to recognise, useless to an attacker. */
    public String redacted() {
        return redact(value);
    }

    public String sha256() {
        return sha256;
    }

    public static String redact(String s) {
        if (s == null) return null;
        return (s.length() <= 3 ? s.substring(0, Math.min(1, s.length())) : s.substring(0, 3))
                + "…";
    }

    public static String sha256Hex(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.sha256.equals(sha256);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return redacted();
    }
}
