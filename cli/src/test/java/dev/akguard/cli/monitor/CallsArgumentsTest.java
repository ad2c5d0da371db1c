package dev.akguard.cli.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.cli.CliRunner;
import dev.akguard.testkit.corpus.FakeKeys;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `monitor calls` refuses bad times, regions and IDs with a clear message, before it needs the
 * admin credentials.
 */
class CallsArgumentsTest {
    @TempDir Path dir;
    final String id = FakeKeys.accessKeyId(new Random(8));

    private CliRunner.Run calls(String... extra) {
        String[] args = new String[extra.length + 5];
        args[0] = "monitor";
        args[1] = "calls";
        System.arraycopy(extra, 0, args, 2, extra.length);
        args[extra.length + 2] = "--db";
        args[extra.length + 3] = "jdbc:sqlite:" + dir.resolve("m.db");
        args[extra.length + 4] = "--alibaba-endpoint=http://127.0.0.1:9";
        return CliRunner.run(args);
    }

    private void refused(String expected, String... args) {
        CliRunner.Run r = calls(args);
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in: " + r.err());
        assertFalse(r.err().contains("internal error") || r.err().contains("credentials"), r.err());
    }

    @Test
    void badArgumentsAreRefusedFirst() {
        refused("--from (", id, "--from", "0m");
        refused("must be before --to", id, "--from", "0m");
        refused("'99999999d' is too far back: at most 3660d", id, "--from", "99999999d");
        refused("is too far back", id, "--from", "999999999999999999999m");
        refused("is out of range", id, "--from", "1900-01-01");
        refused("a region must not be empty", id, "--region", "");
        refused("'cn-hangzhou/../x' is not a region id", id, "--region", "cn-hangzhou/../x");
        refused("is not an AccessKey ID", "LTAI' OR 1=1");
        refused("is not an AccessKey ID", "notAKey");
        refused("'\\e[2J' is not a region id", id, "--region", "\u001b[2J");
    }
}
