package dev.akguard.testkit.alibaba;

import java.security.SecureRandom;
import java.util.Random;

/** Realistic-looking identifiers made at run time, so no literal key ever sits in the repository. */
final class RandomIds {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Random RANDOM = new SecureRandom();

    private RandomIds() {
    }

    static String accessKeyId() {
        return "LTAI" + "5t" + alnum(18);
    }

    static String secret() {
        return alnum(30);
    }

    static String stsAccessKeyId() {
        return "STS." + alnum(28);
    }

    static String securityToken() {
        return "CAIS" + alnum(200);
    }

    static String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        sb.append((char) ('1' + RANDOM.nextInt(9)));
        for (int i = 1; i < n; i++) {
            sb.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return sb.toString();
    }

    static String alnum(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }
}
