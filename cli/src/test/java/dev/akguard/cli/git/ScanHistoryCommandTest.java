package dev.akguard.cli.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.akguard.cli.AkguardCommand;
import dev.akguard.testkit.corpus.FakeKeys;
import dev.akguard.testkit.git.GitFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `akguard scan-history` through the real command line: output formats, exit codes, errors. */
class ScanHistoryCommandTest {
    @TempDir Path tmp;
    GitFixture git;
    Path work;
    String id;
    String secret;
    String leak;
    final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() {
        git = new GitFixture(tmp);
        work = git.init(tmp.resolve("work"));
        Random rnd = new Random(5);
        id = FakeKeys.accessKeyId(rnd);
        secret = FakeKeys.secret(rnd);
        git.commitFile(work, "README.md", "readme\n", "first");
        leak =
                git.commitFile(
                        work,
                        "deploy/app.yaml",
                        "alibaba:\n  access-key-id: "
                                + id
                                + "\n  access-key-secret: "
                                + secret
                                + "\n",
                        "deploy config");
        git.git(work, "rm", "-q", "deploy/app.yaml");
        git.git(work, "commit", "-q", "-m", "remove deploy config");
    }

    int run(String... args) {
        var cl = AkguardCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void jsonCarriesCommitAuthorAndDateAndNeverTheSecret() throws Exception {
        Path out = tmp.resolve("history.json");
        assertEquals(
                1,
                run(
                        "scan-history",
                        work.toString(),
                        "--format",
                        "json",
                        "--output",
                        out.toString()));
        String json = Files.readString(out);
        assertFalse(json.contains(secret));
        JsonArray arr = JsonParser.parseString(json).getAsJsonArray();
        assertEquals(1, arr.size());
        JsonObject f = arr.get(0).getAsJsonObject();
        assertEquals("alibaba-access-key-pair", f.get("ruleId").getAsString());
        assertEquals("deploy/app.yaml", f.get("file").getAsString());
        assertEquals(2, f.get("line").getAsInt());
        assertEquals(id, f.get("accessKeyId").getAsString());
        assertEquals(leak, f.get("commit").getAsString());
        assertEquals("Test Author", f.get("author").getAsString());
        assertEquals("author@example.invalid", f.get("email").getAsString());
        assertTrue(f.get("date").getAsString().startsWith("2024-01-01T"), f.toString());
        assertTrue(err.toString().contains("in 3 commits"), err.toString());
    }

    @Test
    void sarifCarriesTheCommitToo() throws Exception {
        Path out = tmp.resolve("history.sarif");
        assertEquals(
                1,
                run(
                        "scan-history",
                        work.toString(),
                        "-f",
                        "sarif",
                        "-o",
                        out.toString(),
                        "--quiet"));
        JsonObject result =
                JsonParser.parseString(Files.readString(out))
                        .getAsJsonObject()
                        .getAsJsonArray("runs")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonArray("results")
                        .get(0)
                        .getAsJsonObject();
        assertEquals(leak, result.getAsJsonObject("properties").get("commit").getAsString());
        assertEquals("", err.toString(), "--quiet prints nothing on stderr");
    }

    @Test
    void rangeWithoutTheLeakIsClean() {
        assertEquals(0, run("scan-history", work.toString(), "--range", "HEAD~1..HEAD", "-q"));
        assertEquals(
                1,
                run(
                        "scan-history",
                        work.toString(),
                        "--range",
                        "HEAD~2..HEAD",
                        "-q",
                        "-o",
                        tmp.resolve("r.txt").toString()));
    }

    @Test
    void badInputIsAClearErrorWithExitCode2() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("not-a-repo"));
        assertEquals(2, run("scan-history", plain.toString()));
        assertTrue(err.toString().contains("not inside a git repository"), err.toString());
        assertEquals(2, run("scan-history", work.toString(), "--range", "nosuchbranch..HEAD"));
        assertTrue(err.toString().contains("nosuchbranch"), err.toString());
        assertEquals(2, run("scan-history", work.toString(), "--since", "last tuesday"));
        assertTrue(err.toString().contains("--since"), err.toString());
        assertFalse(err.toString().contains("Exception"), "no stack traces: " + err);
    }
}
