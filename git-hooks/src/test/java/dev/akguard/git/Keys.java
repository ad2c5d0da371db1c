package dev.akguard.git;

import dev.akguard.testkit.corpus.FakeKeys;
import java.util.Random;

/** A fake key pair made at run time, and file contents that hold it. */
record Keys(String id, String secret) {
    static Keys random(Random r) {
        return new Keys(FakeKeys.accessKeyId(r), FakeKeys.secret(r));
    }

    String properties() {
        return "# app settings\nregion = cn-hangzhou\naccess_key_id = "
                + id
                + "\naccess_key_secret = "
                + secret
                + "\n";
    }

    String idLine() {
        return "access_key_id = " + id + "\n";
    }

    String secretLine() {
        return "access_key_secret = " + secret + "\n";
    }
}
