package dev.akguard.lsp.support;

import dev.akguard.testkit.corpus.FakeKeys;
import java.util.Random;

/** Fake credentials made at run time (the repository must never contain a realistic key). */
public final class Keys {
    public final String id;
    public final String secret;

    public Keys(long seed) {
        Random r = new Random(seed);
        this.id = FakeKeys.accessKeyId(r);
        this.secret = FakeKeys.secret(r);
    }
}
