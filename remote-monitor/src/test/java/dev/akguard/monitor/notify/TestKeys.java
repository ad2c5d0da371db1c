package dev.akguard.monitor.notify;

import java.security.SecureRandom;

/** AccessKey-shaped values made at run time: the repository never holds a realistic key. */
public final class TestKeys {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() { }

    public static String accessKeyId() { return "LTAI" + "5t" + random(18); }

    public static String secret() { return random(30); }

    public static String random(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        return b.toString();
    }
}
