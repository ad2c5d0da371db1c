package dev.akguard.console.auth;

import dev.akguard.core.finding.Secret;
import java.security.SecureRandom;
import java.util.Base64;

/** 256-bit random values (session ids, CSRF tokens, API tokens) and their stored form. */
public final class RandomTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {}

    public static String next(String prefix) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * What the database keeps: SHA-256 is enough for 256-bit random values (no dictionary to try).
     */
    public static String stored(String token) {
        return Secret.sha256Hex(token);
    }
}
