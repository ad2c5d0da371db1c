package dev.akguard.testkit.corpus;

import java.util.Random;

/**
 * Realistic but fake Alibaba Cloud credentials, made at run time so that no key is ever written
 * into this repository (akguard scans itself and must find nothing). Shapes follow API-FACTS.md:
 * IDs are "LTAI" plus 20 (modern, usually "LTAI5t…") or 12 (legacy) alphanumerics, secrets 30
 * alphanumerics.
 */
public final class FakeKeys {
    private static final String ALNUM =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** Assembled from pieces for the same reason the keys are generated. */
    public static final String ID_PREFIX = "LT" + "AI";

    public static final String STS_PREFIX = "ST" + "S.";

    private FakeKeys() {}

    public static String accessKeyId(Random r) {
        return ID_PREFIX + "5t" + random(r, 18);
    }

    public static String legacyAccessKeyId(Random r) {
        return ID_PREFIX + random(r, 12);
    }

    public static String secret(Random r) {
        // Reject the rare draw that the detector's placeholder checks would (rightly) refuse, e.g.
        // five equal
        // characters in a row: tests want keys that are unambiguously real-looking.
        while (true) {
            String s = random(r, 30);
            if (s.chars().anyMatch(Character::isUpperCase)
                    && s.chars().anyMatch(Character::isLowerCase)
                    && !hasRun(s)) return s;
        }
    }

    public static String stsId(Random r) {
        return STS_PREFIX + "NT" + random(r, 26);
    }

    /** An STS security token: base64-like, starting with "CAIS" as real ones do. */
    public static String stsToken(Random r) {
        StringBuilder sb = new StringBuilder("CA" + "IS");
        String b64 = ALNUM + "+/";
        for (int i = 0; i < 300; i++) sb.append(b64.charAt(r.nextInt(b64.length())));
        return sb.append("==").toString();
    }

    public static String random(Random r, int n) {
        while (true) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
            String s = sb.toString();
            if (!hasRun(s) && hasTwoClasses(s)) return s;
        }
    }

    private static boolean hasTwoClasses(String s) {
        int m = 0;
        for (char c : s.toCharArray())
            m |= Character.isDigit(c) ? 1 : Character.isUpperCase(c) ? 2 : 4;
        return Integer.bitCount(m) >= 2;
    }

    private static boolean hasRun(String s) {
        for (int i = 4; i < s.length(); i++) {
            boolean same = true, asc = true;
            for (int k = i - 3; k <= i; k++) {
                same &= s.charAt(k) == s.charAt(k - 1);
                asc &= s.charAt(k) == s.charAt(k - 1) + 1;
            }
            if (same || asc) return true;
        }
        return false;
    }
}
