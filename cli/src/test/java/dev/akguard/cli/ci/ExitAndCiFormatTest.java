package dev.akguard.cli.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.akguard.cli.CliRunner;
import dev.akguard.testkit.corpus.FakeKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `--exit-code N`, `--exit-zero`, `--format github|gitlab` through the real command line. */
class ExitAndCiFormatTest {
    private final Random r = new Random(41);

    private Path leaky(Path dir) throws Exception {
        Files.writeString(
                dir.resolve("app.properties"),
                "aliyun.access-key-id="
                        + FakeKeys.accessKeyId(r)
                        + "\naliyun.access-key-secret="
                        + FakeKeys.secret(r)
                        + "\n");
        return dir;
    }

    @Test
    void exitCodeAndExitZeroChangeOnlyTheFindingsOutcome(@TempDir Path dir) throws Exception {
        leaky(dir);
        assertEquals(1, CliRunner.run("scan", "-q", dir.toString()).exit());
        assertEquals(7, CliRunner.run("scan", "-q", "--exit-code", "7", dir.toString()).exit());
        assertEquals(0, CliRunner.run("scan", "-q", "--exit-zero", dir.toString()).exit());
        CliRunner.Run reported = CliRunner.run("scan", "--exit-zero", dir.toString());
        assertTrue(
                reported.out().contains("alibaba-access-key-pair"),
                "still reports: " + reported.out());
        // Errors still exit 2, whatever was asked for findings.
        assertEquals(
                2, CliRunner.run("scan", "--exit-zero", dir.resolve("missing").toString()).exit());
        assertEquals(
                2,
                CliRunner.run("scan", "--exit-code", "9", dir.resolve("missing").toString())
                        .exit());
        // Clean stays 0.
        Path clean = Files.createDirectory(dir.resolve("clean-sub"));
        Files.writeString(clean.resolve("a.txt"), "nothing\n");
        assertEquals(0, CliRunner.run("scan", "-q", "--exit-code", "7", clean.toString()).exit());
    }

    @Test
    void badExitOptionsAreUsageErrors(@TempDir Path dir) throws Exception {
        leaky(dir);
        CliRunner.Run both =
                CliRunner.run("scan", "--exit-zero", "--exit-code", "3", dir.toString());
        assertEquals(2, both.exit());
        assertTrue(
                both.err().contains("--exit-zero and --exit-code cannot be combined"), both.err());
        CliRunner.Run two = CliRunner.run("scan", "--exit-code", "2", dir.toString());
        assertEquals(2, two.exit());
        assertTrue(two.err().contains("2 means an error"), two.err());
        assertEquals(2, CliRunner.run("scan", "--exit-code", "300", dir.toString()).exit());
    }

    @Test
    void githubAndGitlabFormatsFromTheCommandLine(@TempDir Path dir) throws Exception {
        leaky(dir);
        CliRunner.Run gh = CliRunner.run("scan", "-q", "-f", "github", dir.toString());
        assertEquals(1, gh.exit());
        assertTrue(gh.out().startsWith("::error file=app.properties,line=1,col=22,"), gh.out());
        Path report = dir.resolve("gl-secret-detection-report.json");
        CliRunner.Run gl =
                CliRunner.run(
                        "scan",
                        "-q",
                        "-f",
                        "gitlab",
                        "-o",
                        report.toString(),
                        "--exit-zero",
                        dir.toString());
        assertEquals(0, gl.exit());
        var json = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
        assertEquals(1, json.getAsJsonArray("vulnerabilities").size());
        assertEquals(
                "app.properties",
                json.getAsJsonArray("vulnerabilities")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("location")
                        .get("file")
                        .getAsString());
    }
}
