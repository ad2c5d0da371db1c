package dev.akguard.testkit.alibaba;

import dev.akguard.testkit.corpus.FakeKeys;
import java.util.Random;

/** Identifiers for emulated accounts and keys, made at run time (keys via {@link FakeKeys}). */
final class RandomIds {
    private static final Random RANDOM = new Random();

    private RandomIds() {}

    static String accessKeyId() {
        return FakeKeys.accessKeyId(RANDOM);
    }

    static String secret() {
        return FakeKeys.secret(RANDOM);
    }

    static String stsAccessKeyId() {
        return FakeKeys.stsId(RANDOM);
    }

    static String securityToken() {
        return FakeKeys.stsToken(RANDOM);
    }

    static String alnum(int n) {
        return FakeKeys.random(RANDOM, n);
    }

    /** n digits, no leading zero: account and user ids. */
    static String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        sb.append((char) ('1' + RANDOM.nextInt(9)));
        for (int i = 1; i < n; i++) {
            sb.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return sb.toString();
    }
}
