package dev.akguard.cli.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.akguard.testkit.alibaba.AlibabaCloudEmulator;
import dev.akguard.testkit.alibaba.EmulatedKey;
import dev.akguard.testkit.corpus.FakeKeys;
import dev.akguard.testkit.git.GitFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `akguard scan --verify` as a separate process, pointed at the Alibaba Cloud emulator only through
 * AKGUARD_ALIBABA_ENDPOINT, as a user would: the emulator checks each request's signature and
 * answers with the real error codes, so VALID, INVALID, DISABLED and UNKNOWN come from the
 * monitor's validator reading real answers.
 */
class VerifyEndToEndTest {
    @TempDir Path dir;
    AlibabaCloudEmulator ali;
    final Random r = new Random(123);
    EmulatedKey live;
    EmulatedKey disabled;
    String unknownId;
    String wrongSecret;

    @BeforeEach
    void setUp() throws Exception {
        ali = AlibabaCloudEmulator.start();
        var account = ali.addAccount();
        live = account.addUser("ci-bot").addKey();
        disabled = account.addUser("old-bot").addKey().disable();
        unknownId = FakeKeys.accessKeyId(r);
        wrongSecret = FakeKeys.secret(r);
        Files.writeString(dir.resolve("live.properties"), pair(live.id(), live.secret()));
        Files.writeString(
                dir.resolve("disabled.properties"), pair(disabled.id(), disabled.secret()));
        Files.writeString(dir.resolve("deleted.properties"), pair(unknownId, FakeKeys.secret(r)));
        Files.writeString(dir.resolve("wrong-secret.properties"), pair(live.id(), wrongSecret));
    }

    @AfterEach
    void tearDown() {
        ali.close();
    }

    static String pair(String id, String secret) {
        return "key.id=" + id + "\nkey.secret=" + secret + "\n";
    }

    record Run(int exit, String out, String err) {}

    Run akguard(String... args) throws Exception {
        String cp =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-XX:TieredStopAtLevel=1",
                                "-cp",
                                cp,
                                "dev.akguard.cli.Main"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().put("AKGUARD_ALIBABA_ENDPOINT", ali.url());
        Path out = Files.createTempFile("out", ".txt"), err = Files.createTempFile("err", ".txt");
        Process p =
                pb.redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                        .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    Map<String, String> validityByFile(String json) {
        Map<String, String> m = new HashMap<>();
        for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            m.put(
                    o.get("file").getAsString(),
                    o.has("validity") ? o.get("validity").getAsString() : null);
        }
        return m;
    }

    @Test
    void withoutVerifyNothingIsSentAndNoValidityIsReported() throws Exception {
        Run run = akguard("scan", "-f", "json", ".");
        assertEquals(1, run.exit(), run.err());
        assertEquals(4, JsonParser.parseString(run.out()).getAsJsonArray().size());
        assertFalse(run.out().contains("validity"), run.out());
        assertEquals(
                List.of(), ali.requests(), "no request may reach Alibaba Cloud without --verify");
        assertEquals(
                2,
                akguard("scan", "--only-verified", ".").exit(),
                "--only-verified alone is a usage error");
        assertEquals(List.of(), ali.requests());
    }

    @Test
    void verifyReportsValidInvalidAndDisabledInEveryFormat() throws Exception {
        Run json = akguard("scan", "--verify", "-f", "json", ".");
        assertEquals(1, json.exit(), json.err());
        assertEquals(
                Map.of(
                        "live.properties",
                        "VALID",
                        "disabled.properties",
                        "DISABLED",
                        "deleted.properties",
                        "INVALID",
                        "wrong-secret.properties",
                        "INVALID"),
                validityByFile(json.out()));
        assertTrue(
                json.err()
                        .contains(
                                "4 pairs checked with STS GetCallerIdentity: 1 VALID, 2 INVALID, 1 DISABLED"),
                json.err());
        assertEquals(4, ali.requests("GetCallerIdentity").size(), "one call per pair");

        Run text = akguard("scan", "--verify", "live.properties");
        assertTrue(
                text.out().contains("    validity: VALID (checked with STS GetCallerIdentity)"),
                text.out());
        Run sarif = akguard("scan", "--verify", "-f", "sarif", "disabled.properties");
        JsonObject result =
                JsonParser.parseString(sarif.out())
                        .getAsJsonObject()
                        .getAsJsonArray("runs")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonArray("results")
                        .get(0)
                        .getAsJsonObject();
        assertEquals(
                "DISABLED", result.getAsJsonObject("properties").get("validity").getAsString());
        assertFalse(
                sarif.out().contains(disabled.secret()) || json.out().contains(live.secret()),
                "never the secret");
    }

    @Test
    void onlyVerifiedKeepsTheValidPairAndDecidesTheExitCode() throws Exception {
        Run run = akguard("scan", "--verify", "--only-verified", "-f", "json", ".");
        assertEquals(1, run.exit(), run.err());
        JsonArray arr = JsonParser.parseString(run.out()).getAsJsonArray();
        assertEquals(1, arr.size(), run.out());
        assertEquals("live.properties", arr.get(0).getAsJsonObject().get("file").getAsString());
        Run none =
                akguard(
                        "scan",
                        "--verify",
                        "--only-verified",
                        "disabled.properties",
                        "deleted.properties");
        assertEquals(0, none.exit(), "no working key: nothing to report " + none.err());
    }

    @Test
    void throttlingAndOutagesAreUnknown() throws Exception {
        ali.faults().throttleAlways("GetCallerIdentity");
        Run run = akguard("scan", "--verify", "-f", "json", "live.properties");
        assertEquals(Map.of("live.properties", "UNKNOWN"), validityByFile(run.out()));
        assertTrue(ali.requests("GetCallerIdentity").size() > 1, "retried before giving up");
    }

    @Test
    void scanHistoryAndTheHooksVerifyToo() throws Exception {
        GitFixture git = new GitFixture(dir.resolve("sandbox"));
        Path repo = git.init(dir.resolve("repo"));
        git.commitFile(repo, "conf.properties", pair(live.id(), live.secret()), "add a live key");
        ali.clearRequests();
        Run history = akguard("scan-history", "--verify", "-f", "json", repo.toString());
        assertEquals(Map.of("conf.properties", "VALID"), validityByFile(history.out()));
        assertEquals(1, ali.requests("GetCallerIdentity").size());
        // A hook that blocks only working keys: a disabled one staged passes, the live one is
        // blocked.
        GitFixture.write(repo, "old.properties", pair(disabled.id(), disabled.secret()));
        git.git(repo, "add", "old.properties");
        Run passes =
                akguard(
                        "hook",
                        "pre-commit",
                        "--verify",
                        "--only-verified",
                        "--repo",
                        repo.toString());
        assertEquals(0, passes.exit(), passes.err());
        assertTrue(passes.err().contains("1 DISABLED"), passes.err());
        GitFixture.write(repo, "new.properties", pair(live.id(), live.secret()));
        git.git(repo, "add", "new.properties");
        Run blocked =
                akguard(
                        "hook",
                        "pre-commit",
                        "--verify",
                        "--only-verified",
                        "--repo",
                        repo.toString());
        assertEquals(1, blocked.exit(), blocked.err());
        assertTrue(
                blocked.out().contains("new.properties")
                        && !blocked.out().contains("old.properties"),
                blocked.out());
    }
}
