package dev.akguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.akguard.testkit.corpus.FakeKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    private final Random r = new Random(3);
    private final String id = FakeKeys.accessKeyId(r);
    private final String secret = FakeKeys.secret(r);

    private Path project(Path dir) throws Exception {
        Files.writeString(
                dir.resolve("app.properties"),
                "aliyun.access-key-id=" + id + "\naliyun.access-key-secret=" + secret + "\n");
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
        assertTrue(
                found.out().startsWith("app.properties:1:22: error: alibaba-access-key-pair"),
                found.out());
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
    void aNamedFileThatCannotBeScannedIsAnErrorLikeGrep(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.log");
        Files.writeString(big, "x".repeat(4096));
        CliRunner.Run tooLarge = CliRunner.run("scan", "--max-file-size", "1k", big.toString());
        assertEquals(2, tooLarge.exit(), tooLarge.err());
        assertTrue(
                tooLarge.err().contains("cannot scan")
                        && tooLarge.err().contains("larger than --max-file-size"),
                tooLarge.err());
        // Inside a folder the same file is a reported skip, not an error.
        assertEquals(0, CliRunner.run("scan", "--max-file-size", "1k", dir.toString()).exit());
        Path locked = dir.resolve("locked.txt");
        Files.writeString(locked, "nothing\n");
        if (locked.toFile().setReadable(false)
                && !Files.isReadable(
                        locked)) { // root reads anything: then there is nothing to test
            CliRunner.Run unreadable = CliRunner.run("scan", locked.toString());
            assertEquals(2, unreadable.exit(), unreadable.err());
            assertTrue(unreadable.err().contains("cannot scan"), unreadable.err());
        }
    }

    @Test
    void binariesAndArchivesAreScannedNotSkipped(@TempDir Path dir) throws Exception {
        java.io.ByteArrayOutputStream bin = new java.io.ByteArrayOutputStream();
        bin.writeBytes(new byte[] {0, 1, 2, 3, 0});
        bin.writeBytes(
                ("\0accessKeyId\0" + id + "\0accessKeySecret\0" + secret + "\0\0")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Files.write(dir.resolve("tool.bin"), bin.toByteArray());
        CliRunner.Run run = CliRunner.run("scan", dir.resolve("tool.bin").toString());
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.out().contains("binary"), run.out());
        Files.delete(dir.resolve("tool.bin"));
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(zip)) {
            z.putNextEntry(new java.util.zip.ZipEntry("in/app.properties"));
            z.write(
                    ("aliyun.access-key-id=" + id + "\naliyun.access-key-secret=" + secret + "\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.write(dir.resolve("bundle.zip"), zip.toByteArray());
        CliRunner.Run inZip = CliRunner.run("scan", dir.toString());
        assertEquals(1, inZip.exit(), inZip.err());
        assertTrue(
                inZip.out()
                        .startsWith(
                                "bundle.zip!/in/app.properties:1:22: error: alibaba-access-key-pair"),
                inZip.out());
        assertEquals(0, CliRunner.run("scan", "--archive-depth", "0", dir.toString()).exit());
        CliRunner.Run badDepth = CliRunner.run("scan", "--archive-depth", "99", dir.toString());
        assertEquals(2, badDepth.exit());
        assertTrue(badDepth.err().contains("archive depth"), badDepth.err());
    }

    @Test
    void secretsOnlyWithShowSecrets(@TempDir Path dir) throws Exception {
        project(dir);
        for (String format : new String[] {"text", "json", "sarif"}) {
            CliRunner.Run hidden = CliRunner.run("scan", "-f", format, dir.toString());
            assertFalse(hidden.out().contains(secret) || hidden.err().contains(secret), format);
            assertTrue(
                    CliRunner.run("scan", "-f", format, "--show-secrets", dir.toString())
                            .out()
                            .contains(secret),
                    format);
        }
    }

    @Test
    void jsonToOutputFile(@TempDir Path dir) throws Exception {
        project(dir);
        Path out = dir.resolve("reports/out.json");
        CliRunner.Run run =
                CliRunner.run(
                        "scan", "-f", "json", "-o", out.toString(), "--quiet", dir.toString());
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
            f.set(
                    scan,
                    new java.io.ByteArrayInputStream(
                            text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void baselineCreateThenScanIsCleanAndNewKeysStillFail(@TempDir Path dir) throws Exception {
        project(dir);
        assertEquals(
                0, CliRunner.run("baseline", "create", dir.toString(), "--note", "legacy").exit());
        Path baseline = dir.resolve(".akguard-baseline.json");
        assertFalse(Files.readString(baseline).contains(secret));
        assertEquals(0, CliRunner.run("scan", dir.toString()).exit());
        Files.writeString(
                dir.resolve("new.env"),
                "ALIBABA_CLOUD_ACCESS_KEY_ID=" + FakeKeys.accessKeyId(r) + "\n");
        assertEquals(1, CliRunner.run("scan", dir.toString()).exit());
        assertEquals(0, CliRunner.run("baseline", "update", dir.toString()).exit());
        assertEquals(0, CliRunner.run("scan", dir.toString()).exit());
        Files.delete(dir.resolve("app.properties"));
        assertEquals(0, CliRunner.run("baseline", "update", dir.toString()).exit());
        assertEquals(
                1,
                com.google.gson.JsonParser.parseString(Files.readString(baseline))
                        .getAsJsonObject()
                        .getAsJsonArray("findings")
                        .size());
    }

    @Test
    void configExcludeAndGitignoreAreHonoured(@TempDir Path dir) throws Exception {
        project(dir);
        Files.createDirectories(dir.resolve("vendor"));
        Files.writeString(
                dir.resolve("vendor/x.env"),
                "ALIBABA_CLOUD_ACCESS_KEY_ID=" + FakeKeys.accessKeyId(r) + "\n");
        Files.writeString(dir.resolve(".gitignore"), "*.properties\n");
        assertEquals(1, CliRunner.run("scan", dir.toString()).exit());
        Files.writeString(dir.resolve(".akguard.json"), "{\"exclude\": [\"vendor/\"]}");
        assertEquals(0, CliRunner.run("scan", dir.toString()).exit());
        assertEquals(1, CliRunner.run("scan", "--no-gitignore", dir.toString()).exit());
        Files.writeString(dir.resolve(".akguard.json"), "{\"exclude\": [");
        CliRunner.Run bad = CliRunner.run("scan", dir.toString());
        assertEquals(2, bad.exit());
        assertTrue(
                bad.err().contains(".akguard.json") && bad.err().contains("not valid JSON"),
                bad.err());
    }
}
