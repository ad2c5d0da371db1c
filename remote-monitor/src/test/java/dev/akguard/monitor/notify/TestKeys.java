package dev.akguard.monitor.notify;

import dev.akguard.testkit.corpus.FakeKeys;

import java.security.SecureRandom;
import java.util.Random;

/** AccessKey-shaped values made at run time (testkit's FakeKeys): the repository never holds a realistic key. */
public final class TestKeys {
    private static final Random RANDOM = new SecureRandom();

    private TestKeys() { }

    public static synchronized String accessKeyId() { return FakeKeys.accessKeyId(RANDOM); }

    public static synchronized String secret() { return FakeKeys.secret(RANDOM); }

    public static synchronized String random(int n) { return FakeKeys.random(RANDOM, n); }
}
