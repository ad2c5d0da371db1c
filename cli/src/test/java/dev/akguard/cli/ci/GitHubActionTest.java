package dev.akguard.cli.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.akguard.cli.git.TestLauncher;
import dev.akguard.testkit.corpus.FakeKeys;
import dev.akguard.testkit.git.GitFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action (action.yml at the repository root): its metadata is valid by the published
 * Actions metadata schema (SchemaStore's github-action.json, vendored), and its steps run end to
 * end under {@link ActionRunnerStandIn} against real git workspaces: push and pull-request events,
 * SARIF handed to the upload step, the job failing on findings.
 */
class GitHubActionTest {
    static final Path REPO_ROOT = findRoot();

    @TempDir Path tmp;
    GitFixture git;
    Path actionDir;
    Path runnerTemp;
    final List<Path> uploaded = new ArrayList<>();
    final Random r = new Random(17);

    static Path findRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("action.yml"))) p = p.getParent();
        if (p == null)
            throw new IllegalStateException(
                    "action.yml not found above " + Path.of("").toAbsolutePath());
        return p;
    }

    @BeforeEach
    void setUp() throws Exception {
        git = new GitFixture(tmp);
        // The action's checkout: its action.yml and step script, with bin/akguard standing for the
        // built launcher
        // (this test run's classes) and the jar marked as built, so the build step takes its
        // "already built" path.
        actionDir = Files.createDirectories(tmp.resolve("action"));
        Files.copy(REPO_ROOT.resolve("action.yml"), actionDir.resolve("action.yml"));
        Path script =
                Files.createDirectories(actionDir.resolve("scripts/action"))
                        .resolve("akguard-action.sh");
        Files.copy(REPO_ROOT.resolve("scripts/action/akguard-action.sh"), script);
        assertTrue(script.toFile().setExecutable(true));
        TestLauncher.create(actionDir.resolve("bin"));
        Files.createDirectories(actionDir.resolve("cli/target"));
        Files.writeString(
                actionDir.resolve("cli/target/akguard.jar"),
                "stand-in: bin/akguard runs the test classpath");
        runnerTemp = Files.createDirectories(tmp.resolve("runner-temp"));
    }

    ActionRunnerStandIn runner(String event, String baseRef) {
        ActionRunnerStandIn s =
                new ActionRunnerStandIn(actionDir)
                        .stub(
                                "actions/setup-java@",
                                with ->
                                        "temurin".equals(with.get("distribution"))
                                                && !with.get("java-version").isBlank())
                        .stub(
                                "github/codeql-action/upload-sarif@",
                                with -> {
                                    Path f = Path.of(with.get("sarif_file"));
                                    uploaded.add(f);
                                    return Files.isRegularFile(f)
                                            && JsonParser.parseString(Files.readString(f))
                                                    .getAsJsonObject()
                                                    .get("version")
                                                    .getAsString()
                                                    .equals("2.1.0");
                                });
        git.env().forEach(s::env);
        s.env("GITHUB_EVENT_NAME", event);
        if (baseRef != null) s.env("GITHUB_BASE_REF", baseRef);
        return s;
    }

    String keyFile() {
        return "key.id=" + FakeKeys.accessKeyId(r) + "\nkey.secret=" + FakeKeys.secret(r) + "\n";
    }

    static Schema actionSchema() throws Exception {
        try (InputStream in =
                GitHubActionTest.class.getResourceAsStream("/github/github-action.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    @Test
    void actionYmlMatchesTheActionsMetadataSchema() throws Exception {
        String yml = Files.readString(REPO_ROOT.resolve("action.yml"));
        List<Error> errors = actionSchema().validate(yml, InputFormat.YAML);
        assertTrue(errors.isEmpty(), errors.toString());
        // The schema does catch mistakes: a run step without its shell is not a valid composite
        // step.
        String broken = yml.replaceFirst("      shell: bash\n", "");
        assertFalse(actionSchema().validate(broken, InputFormat.YAML).isEmpty());
    }

    @Test
    void pushWithAKeyAnnotatesUploadsSarifAndFailsTheJob() throws Exception {
        Path ws = git.init(tmp.resolve("ws"));
        git.commitFile(ws, "conf/app.properties", keyFile(), "config");
        ActionRunnerStandIn.JobResult job = runner("push", null).run(ws, Map.of(), runnerTemp);
        assertFalse(job.success(), job.log());
        assertTrue(
                job.step("Scan").out().contains("::error file=conf/app.properties,line=1,"),
                job.log());
        assertEquals("1", job.outputs().get("findings"), job.log());
        assertEquals(1, uploaded.size(), "the SARIF report was handed to code scanning");
        assertEquals(
                1,
                JsonParser.parseString(Files.readString(uploaded.get(0)))
                        .getAsJsonObject()
                        .getAsJsonArray("runs")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonArray("results")
                        .size());
        ActionRunnerStandIn.StepRun verdict = job.step("Fail on findings");
        assertEquals(1, verdict.exit());
        assertTrue(
                verdict.out().contains("::error title=akguard::1 leaked credential(s) found"),
                verdict.out());
    }

    @Test
    void cleanPushPassesAndInputsAreHonoured() throws Exception {
        Path ws = git.init(tmp.resolve("ws"));
        git.commitFile(ws, "src/App.java", "class App {}\n", "clean");
        git.commitFile(ws, "fixtures/key.properties", keyFile(), "a fixture");
        Files.writeString(ws.resolve("akguard.json"), "{\"exclude\": [\"fixtures/**\"]}");
        ActionRunnerStandIn.JobResult clean =
                runner("push", null).run(ws, Map.of("config", "akguard.json"), runnerTemp);
        assertTrue(clean.success(), clean.log());
        assertEquals("0", clean.outputs().get("findings"));
        // Report-only: findings, but the job passes; a GitLab report instead of SARIF means no
        // upload.
        uploaded.clear();
        ActionRunnerStandIn.JobResult reportOnly =
                runner("push", null)
                        .run(
                                ws,
                                Map.of("fail-on-findings", "false", "format", "gitlab"),
                                runnerTemp);
        assertTrue(reportOnly.success(), reportOnly.log());
        assertEquals("1", reportOnly.outputs().get("findings"));
        assertTrue(reportOnly.outputs().get("report").endsWith("gl-secret-detection-report.json"));
        assertTrue(
                Files.readString(Path.of(reportOnly.outputs().get("report")))
                        .contains("\"secret_detection\""));
        assertEquals(List.of(), uploaded);
        assertFalse(reportOnly.step("Upload SARIF to code scanning").ran());
        // A bad input is an error of the scan step, and the job fails.
        ActionRunnerStandIn.JobResult bad =
                runner("push", null).run(ws, Map.of("format", "xml"), runnerTemp);
        assertFalse(bad.success());
        assertTrue(
                bad.step("Scan").out().contains("format must be sarif, json, github or gitlab"),
                bad.log());
    }

    @Test
    void pullRequestsScanOnlyTheCommitsTheyAdd() throws Exception {
        // The base branch already holds an old key (accepted before akguard); the pull request adds
        // clean work.
        Path origin = git.initBare(tmp.resolve("origin.git"));
        Path seed = git.init(tmp.resolve("seed"));
        git.git(seed, "remote", "add", "origin", origin.toString());
        git.commitFile(seed, "legacy.properties", keyFile(), "legacy");
        git.git(seed, "push", "-q", "origin", "main");
        git.git(tmp, "clone", "-q", origin.toString(), "ws");
        Path ws = tmp.resolve("ws");
        git.git(ws, "checkout", "-q", "-b", "feature");
        git.commitFile(ws, "src/App.java", "class App {}\n", "feature work");
        ActionRunnerStandIn.JobResult clean =
                runner("pull_request", "main").run(ws, Map.of(), runnerTemp);
        assertTrue(clean.success(), clean.log());
        assertTrue(
                clean.step("Scan")
                        .out()
                        .contains("pull request: scanning the commits it adds to main"),
                clean.log());
        assertEquals("0", clean.outputs().get("findings"));
        // A pull request that adds a key (even one a later commit removes) fails.
        git.commitFile(ws, "new.properties", keyFile(), "add key");
        git.git(ws, "rm", "-q", "new.properties");
        git.git(ws, "commit", "-q", "-m", "remove it again");
        ActionRunnerStandIn.JobResult leaky =
                runner("pull_request", "main").run(ws, Map.of(), runnerTemp);
        assertFalse(leaky.success(), leaky.log());
        assertEquals("1", leaky.outputs().get("findings"), leaky.log());
        assertTrue(leaky.step("Scan").out().contains("::error file=new.properties"), leaky.log());
    }

    /** A stand-in for Maven first on PATH: records how it was called, then builds or fails. */
    Path fakeMaven(boolean builds) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("fake-maven/bin"));
        Path mvn = bin.resolve("mvn");
        Files.writeString(
                mvn,
                "#!/bin/sh\n"
                        + "printf '%s\\n' \"$PWD\" \"$@\" > '"
                        + tmp.resolve("fake-maven/called")
                        + "'\n"
                        + (builds
                                ? "mkdir -p cli/target && echo built > cli/target/akguard.jar\n"
                                : "echo '[ERROR] COMPILATION ERROR' >&2; exit 1\n"));
        assertTrue(mvn.toFile().setExecutable(true));
        return bin;
    }

    @Test
    void withoutABuiltJarTheBuildStepBuildsItWithMavenInTheActionsCheckout() throws Exception {
        Files.delete(actionDir.resolve("cli/target/akguard.jar"));
        Path maven = fakeMaven(true);
        Path ws = git.init(tmp.resolve("ws"));
        git.commitFile(ws, "src/App.java", "class App {}\n", "clean");
        ActionRunnerStandIn s = runner("push", null);
        s.env("PATH", maven + ":" + System.getenv("PATH"));
        ActionRunnerStandIn.JobResult job = s.run(ws, Map.of(), runnerTemp);
        assertTrue(job.success(), job.log());
        assertEquals(
                List.of(actionDir.toRealPath().toString(), "-B", "-q", "package", "-DskipTests"),
                Files.readAllLines(tmp.resolve("fake-maven/called")));
        assertTrue(job.step("Build akguard").out().contains("akguard"), job.log());
        assertTrue(job.step("Scan").ran());
    }

    @Test
    void aFailedBuildFailsTheJobBeforeAnythingIsScanned() throws Exception {
        Files.delete(actionDir.resolve("cli/target/akguard.jar"));
        Path maven = fakeMaven(false);
        Path ws = git.init(tmp.resolve("ws"));
        git.commitFile(ws, "src/App.java", "class App {}\n", "clean");
        ActionRunnerStandIn s = runner("push", null);
        s.env("PATH", maven + ":" + System.getenv("PATH"));
        ActionRunnerStandIn.JobResult job = s.run(ws, Map.of(), runnerTemp);
        assertFalse(job.success(), job.log());
        assertTrue(job.step("Build akguard").exit() != 0, job.log());
        assertFalse(job.step("Scan").ran(), "no scan without akguard: " + job.log());
        assertEquals(List.of(), uploaded);
    }
}
