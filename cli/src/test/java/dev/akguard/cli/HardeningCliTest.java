package dev.akguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.cli.common.ErrorHandler;
import dev.akguard.testkit.corpus.FakeKeys;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Config typos, corrupt baselines, thread counts and JVM errors give clear messages and exit 2,
 * never "findings" or a silent pass.
 */
class HardeningCliTest {
    private final Random r = new Random(12);
    private final String id = FakeKeys.accessKeyId(r);
    private final String secret = FakeKeys.secret(r);

    private Path project(Path dir) throws Exception {
        Files.writeString(
                dir.resolve("app.properties"),
                "aliyun.access-key-id=" + id + "\naliyun.access-key-secret=" + secret + "\n");
        return dir;
    }

    @Test
    void aNonBooleanEnabledIsAnErrorNotADisabledRule(@TempDir Path dir) throws Exception {
        project(dir);
        for (String v : new String[] {"\"yes\"", "1"}) {
            Files.writeString(
                    dir.resolve(".akguard.json"),
                    "{\"rules\":{\"alibaba-access-key-pair\":{\"enabled\":" + v + "}}}");
            CliRunner.Run run = CliRunner.run("scan", dir.toString());
            assertEquals(2, run.exit(), run.err());
            assertTrue(
                    run.err()
                            .contains(
                                    ".akguard.json: 'rules.alibaba-access-key-pair.enabled' must be true or false"),
                    run.err());
            assertFalse(run.err().contains("internal error"), run.err());
        }
        Files.writeString(dir.resolve(".akguard.json"), "{\"exclude\":[{}]}");
        CliRunner.Run run = CliRunner.run("scan", dir.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("'exclude[0]' must be a string"), run.err());
    }

    @Test
    void baselineCreateReplacesACorruptBaseline(@TempDir Path dir) throws Exception {
        project(dir);
        Path baseline = dir.resolve(".akguard-baseline.json");
        for (String corrupt :
                new String[] {
                    "{\"findings\": 5}",
                    "{\"findings\":[null]}",
                    "{\"findings\":[{\"fingerprint\":3}]}",
                    "{oops"
                }) {
            Files.writeString(baseline, corrupt);
            CliRunner.Run scan = CliRunner.run("scan", dir.toString());
            assertEquals(2, scan.exit());
            assertTrue(
                    scan.err().contains("baseline " + baseline)
                            && scan.err().contains("akguard baseline create"),
                    scan.err());
            assertFalse(scan.err().contains("internal error"), scan.err());
            CliRunner.Run create = CliRunner.run("baseline", "create", dir.toString());
            assertEquals(0, create.exit(), create.err());
            assertEquals(
                    0,
                    CliRunner.run("scan", dir.toString()).exit(),
                    "the new baseline accepts the finding");
        }
        Path explicit = dir.resolve("new-baseline.json");
        assertEquals(
                0,
                CliRunner.run(
                                "baseline",
                                "create",
                                "--baseline",
                                explicit.toString(),
                                dir.toString())
                        .exit(),
                "create writes an explicit baseline that does not exist yet");
        assertTrue(Files.isRegularFile(explicit));
    }

    @Test
    void threadsAreCapped(@TempDir Path dir) throws Exception {
        project(dir);
        CliRunner.Run run = CliRunner.run("scan", "--threads", "100000", dir.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--threads must be from 1 to 256"), run.err());
        assertEquals(2, CliRunner.run("scan", "--threads", "0", dir.toString()).exit());
        assertEquals(1, CliRunner.run("scan", "--threads", "256", dir.toString()).exit());
    }

    @Test
    void jvmErrorsExitTwoNotOne() {
        StringWriter s = new StringWriter();
        int code =
                ErrorHandler.report(
                        new ExecutionException(
                                new OutOfMemoryError("unable to create native thread")),
                        new PrintWriter(s, true));
        assertEquals(2, code);
        assertTrue(
                s.toString()
                        .contains(
                                "fatal error: java.lang.OutOfMemoryError: unable to create native thread"),
                s.toString());
        assertTrue(s.toString().contains("--threads"), s.toString());
        assertEquals(
                2,
                ErrorHandler.report(
                        new StackOverflowError(), new PrintWriter(new StringWriter(), true)));
    }

    @Test
    void hostileFileNamesReachTheTerminalEscaped(@TempDir Path dir) throws Exception {
        String name = "esc\u001b[31mRED\u001b[0m\nfake.yml:1:1: note: nothing here.yml";
        Files.writeString(
                dir.resolve(name),
                "aliyun.access-key-id=" + id + "\naliyun.access-key-secret=" + secret + "\n");
        CliRunner.Run run = CliRunner.run("scan", dir.toString());
        assertEquals(1, run.exit(), run.err());
        assertTrue(
                run.out()
                        .startsWith(
                                "esc\\e[31mRED\\e[0m\\nfake.yml:1:1: note: nothing here.yml:1:22: error:"),
                run.out());
        assertFalse(run.out().contains("\u001b") || run.err().contains("\u001b"), run.out());
        assertEquals(3, run.out().split("\n").length, "one finding, three lines: " + run.out());
        CliRunner.Run sarif = CliRunner.run("scan", "-f", "sarif", dir.toString());
        assertTrue(
                sarif.out()
                        .contains(
                                "\"uri\": \"esc%1B%5B31mRED%1B%5B0m%0Afake.yml%3A1%3A1%3A%20note%3A%20nothing%20here.yml\""),
                sarif.out());
    }
}
