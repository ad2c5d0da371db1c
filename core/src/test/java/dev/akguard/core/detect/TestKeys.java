package dev.akguard.core.detect;

import java.util.Random;

/** Keys for core's unit tests, assembled at run time (the repository itself must scan clean). */
public final class TestKeys {
    private static final String ALNUM =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    public static final String PREFIX = "LT" + "AI";

    private TestKeys() {}

    public static String id(Random r) {
        return PREFIX + "5t" + body(r, 18);
    }

    public static String legacyId(Random r) {
        return PREFIX + body(r, 12);
    }

    public static String secret(Random r) {
        return body(r, 30);
    }

    /** Mixed case and digits, no runs: unambiguous for the plausibility checks. */
    static String body(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            String pool =
                    i % 3 == 0
                            ? "ABCDEFGHJKMNPQRSTUVWXYZ"
                            : i % 3 == 1 ? "abcdefghjkmnpqrstuvwxyz" : "23456789";
            char c;
            do {
                c = pool.charAt(r.nextInt(pool.length()));
            } while (sb.length() > 0 && Math.abs(c - sb.charAt(sb.length() - 1)) <= 1);
            sb.append(c);
        }
        return sb.toString();
    }

    static String any(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
        return sb.toString();
    }
}
