package dev.akguard.monitor.testing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * Realistic-looking AccessKey pairs made at run time (nothing key-like is written in our sources).
 * Mixed case and digits so the engine's entropy checks accept them.
 */
public final class TestKeys {

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public record Pair(String id, String secret) {
        public String sha256() { return TestKeys.sha256(secret); }
        /** A properties snippet placing the pair on two lines. */
        public String properties() { return "alibaba.accessKeyId=" + id + "\nalibaba.accessKeySecret=" + secret + "\n"; }
    }

    private TestKeys() { }

    public static Pair pair(Random r) {
        return new Pair("LTAI" + "5t" + random(r, 18), random(r, 30));
    }

    public static String random(Random r, int n) {
        while (true) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
            String s = sb.toString();
            if (s.chars().anyMatch(Character::isUpperCase) && s.chars().anyMatch(Character::isLowerCase) && s.chars().anyMatch(Character::isDigit)) return s;
        }
    }

    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
