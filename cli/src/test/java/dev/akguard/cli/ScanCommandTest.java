package dev.akguard.cli;

import com.google.gson.JsonParser;
import dev.akguard.testkit.corpus.FakeKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanCommandTest {
    private final Random r = new Random(3);
    private final String id = FakeKeys.accessKeyId(r);
    private final String secret = FakeKeys.secret(r);

    private Path project(Path dir) throws Exception {
        Files.writeString(dir.resolve("app.properties"), "aliyun.access-key-id=" + id + "\naliyun.access-key-secret=" + secret + "\n");
        Files.writeString(dir.resolve("clean.txt"), "nothing here\n");
        return dir;
    }

    @Test
    void exitCodesAreZeroCleanOneFindingsTwoErrors(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("clean.txt"), "nothing\n");
        assertEquals(0, CliRunner.run("scan", dir.toString()).exit());
        project(dir);
        CliRunner.Run found = CliRunner.run("scan", dir.toString());
        assertEquals(1, found.exit());
        assertTrue(found.out().startsWith("app.properties:1:22: error: alibaba-access-key-pair"), found.out());
        assertTrue(found.err().contains("1 finding: 1 AccessKey pair in 2 files"), found.err());
        CliRunner.Run bad = CliRunner.run("scan", dir.resolve("missing").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("no such file or folder"), bad.err());
        CliRunner.Run badFormat = CliRunner.run("scan", "--format", "xml", dir.toString());
        assertEquals(2, badFormat.exit());
        assertTrue(badFormat.err().contains("unknown format 'xml'"));
        assertEquals(2, CliRunner.run("scan", "--no-such-option").exit());
    }

    @Test
    void secretsOnlyWithShowSecrets(@TempDir Path dir) throws Exception {
        project(dir);
        for (String format : new String[] {"text", "json", "sarif"}) {
            CliRunner.Run hidden = CliRunner.run("scan", "-f", format, dir.toString());
            assertFalse(hidden.out().contains(secret) || hidden.err().contains(secret), format);
            assertTrue(CliRunner.run("scan", "-f", format, "--show-secrets", dir.toString()).out().contains(secret), format);
        }
    }

    @Test
    void jsonToOutputFile(@TempDir Path dir) throws Exception {
        project(dir);
        Path out = dir.resolve("reports/out.json");
        CliRunner.Run run = CliRunner.run("scan", "-f", "json", "-o", out.toString(), "--quiet", dir.toString());
        assertEquals(1, run.exit());
        assertEquals("", run.out());
        assertEquals("", run.err());
        var arr = JsonParser.parseString(Files.readString(out)).getAsJsonArray();
        assertEquals(id, arr.get(0).getAsJsonObject().get("accessKeyId").getAsString());
    }

    @Test
    void standardInput() {
        var cl = AkguardCommand.commandLine();
        var out = new java.io.StringWriter();
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(new java.io.StringWriter(), true));
        dev.akguard.cli.scan.ScanCommand scan = cl.getSubcommands().get("scan").getCommand();
        setStdin(scan, "+ accessKeyId: " + id + "\n+ accessKeySecret: " + secret + "\n");
        assertEquals(1, cl.execute("scan", "-", "--stdin-name", "staged.diff"));
        assertTrue(out.toString().startsWith("staged.diff:1:16:"), out.toString());
    }

    private static void setStdin(Object scan, String text) {
        try {
            var f = scan.getClass().getDeclaredField("stdin");
            f.setAccessible(true);
            f.set(scan, new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void baselineCreateThenScanIsCleanAndNewKeysStillFail(@TempDir Path dir) throws Exception {
        project(dir);
        assertEquals(0, CliRunner.run("baseline", "create", dir.toString(), "--note", "legacy").exit());
        Path baseline = dir.resolve(".akguard-baseline.json");
        assertFalse(Files.readString(baseline).contains(secret));
        assertEquals(0, CliRunner.run("scan", dir.toString()).exit());
        Files.writeString(dir.resolve("new.env"), "ALIBABA_CLOUD_ACCESS_KEY_ID=" + FakeKeys.accessKeyId(r) + "\n");
        assertEquals(1, CliRunner.run("scan", dir.toString()).exit());
        assertEquals(0, CliRunner.run("baseline", "update", dir.toString()).exit());
        assertEquals(0, CliRunner.run("scan", dir.toString()).exit());
        Files.delete(dir.resolve("app.properties"));
        assertEquals(0, CliRunner.run("baseline", "update", dir.toString()).exit());
        assertEquals(1, com.google.gson.JsonParser.parseString(Files.readString(baseline)).getAsJsonObject().getAsJsonArray("findings").size());
    }

    @Test
    void configExcludeAndGitignoreAreHonoured(@TempDir Path dir) throws Exception {
        project(dir);
        Files.createDirectories(dir.resolve("vendor"));
        Files.writeString(dir.resolve("vendor/x.env"), "ALIBABA_CLOUD_ACCESS_KEY_ID=" + FakeKeys.accessKeyId(r) + "\n");
        Files.writeString(dir.resolve(".gitignore"), "*.properties\n");
        assertEquals(1, CliRunner.run("scan", dir.toString()).exit());
        Files.writeString(dir.resolve(".akguard.json"), "{\"exclude\": [\"vendor/\"]}");
        assertEquals(0, CliRunner.run("scan", dir.toString()).exit());
        assertEquals(1, CliRunner.run("scan", "--no-gitignore", dir.toString()).exit());
        Files.writeString(dir.resolve(".akguard.json"), "{\"exclude\": [");
        CliRunner.Run bad = CliRunner.run("scan", dir.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains(".akguard.json") && bad.err().contains("not valid JSON"), bad.err());
    }
}
