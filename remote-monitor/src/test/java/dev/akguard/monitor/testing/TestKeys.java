package dev.akguard.monitor.testing;

import dev.akguard.testkit.corpus.FakeKeys;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/** AccessKey pairs made at run time by the testkit's {@link FakeKeys} (nothing key-like is written in our sources). */
public final class TestKeys {

    public record Pair(String id, String secret) {
        public String sha256() { return TestKeys.sha256(secret); }
        /** A properties snippet placing the pair on two lines. */
        public String properties() { return "alibaba.accessKeyId=" + id + "\nalibaba.accessKeySecret=" + secret + "\n"; }
    }

    private TestKeys() { }

    public static Pair pair(Random r) {
        return new Pair(FakeKeys.accessKeyId(r), FakeKeys.secret(r));
    }

    public static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
