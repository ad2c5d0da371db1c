package dev.akguard.monitor.notify;

import dev.akguard.core.finding.Secret;

/**
 * Guards notifications against carrying a secret: the only secret forms allowed are the redacted one
 * ({@code abc…}: at most 3 characters and an ellipsis) and a SHA-256 ({@code sha256:<64 hex>}).
 */
public final class Redaction {
    private Redaction() { }

    /** The redacted form of a secret: its first 3 characters and "…" (the engine's own rule). */
    public static String redact(String secret) {
        return secret == null || secret.isEmpty() ? null : Secret.redact(secret);
    }

    public static boolean isRedacted(String s) {
        if (s == null) return true;
        if (s.endsWith("…") && s.length() <= 4) return true;
        return s.matches("sha256:[0-9a-f]{64}");
    }

    /** Throws when {@code s} could be a plaintext secret; the message never repeats the value. */
    public static String requireRedacted(String s) {
        if (!isRedacted(s)) {
            throw new IllegalArgumentException("refusing a notification with an unredacted secret (" + s.length()
                    + " characters): pass the redacted form (first 3 characters + \"…\") or sha256:<hex>");
        }
        return s;
    }
}
