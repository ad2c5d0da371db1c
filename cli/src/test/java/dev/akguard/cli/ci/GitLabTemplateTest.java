package dev.akguard.cli.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.akguard.cli.git.TestLauncher;
import dev.akguard.core.report.GitLabReporter;
import dev.akguard.testkit.corpus.FakeKeys;
import dev.akguard.testkit.git.GitFixture;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docs/ci/gitlab-ci.yml: the job's scan script runs (with bash, as GitLab's shell runner would) on
 * a real git checkout, with akguard standing in for the clone-and-build lines, and writes the
 * report the job declares as its secret_detection artifact, valid by GitLab's schema.
 */
class GitLabTemplateTest {
    @Test
    void theJobWritesTheDeclaredReportAndFailsOnFindings(@TempDir Path tmp) throws Exception {
        JsonNode job =
                new YAMLMapper()
                        .readTree(
                                Files.readString(
                                        GitHubActionTest.REPO_ROOT.resolve(
                                                "docs/ci/gitlab-ci.yml")))
                        .path("akguard_secret_detection");
        String report = job.path("artifacts").path("reports").path("secret_detection").asString();
        assertEquals("gl-secret-detection-report.json", report);
        String scanScript = job.path("script").get(2).asString();
        assertTrue(scanScript.contains("--output " + report), scanScript);

        GitFixture git = new GitFixture(tmp);
        Path ws = git.init(tmp.resolve("project"));
        Random r = new Random(4);
        git.commitFile(
                ws,
                "app.properties",
                "key.id=" + FakeKeys.accessKeyId(r) + "\nkey.secret=" + FakeKeys.secret(r) + "\n",
                "config");
        Path launcher = TestLauncher.create(tmp.resolve("bin"));
        Path script = tmp.resolve("job.sh");
        Files.writeString(
                script, scanScript.replace("/tmp/akguard/bin/akguard", launcher.toString()));
        git.env().put("AKGUARD_PATH", ".");
        git.env().put("AKGUARD_ARGS", "");
        git.env().put("AKGUARD_EXIT_ZERO", "false");
        git.env().put("CI_COMMIT_SHA", git.head(ws));
        GitFixture.Result run = git.run(ws, null, "bash", script.toString());
        assertEquals(1, run.exit(), "findings fail the job: " + run.err());
        assertTrue(
                run.out().contains("app.properties:1:"),
                "readable findings in the job log: " + run.out());
        String json = Files.readString(ws.resolve(report));
        try (InputStream schema =
                Files.newInputStream(
                        GitHubActionTest.REPO_ROOT.resolve(
                                "core/src/test/resources/gitlab/secret-detection-report-format-"
                                        + GitLabReporter.SCHEMA_VERSION
                                        + ".json"))) {
            assertEquals(
                    java.util.List.of(),
                    SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                            .getSchema(schema)
                            .validate(json, InputFormat.JSON));
        }
        assertTrue(json.contains("\"sha\": \"" + git.head(ws) + "\""), "the job's commit: " + json);

        git.env().put("AKGUARD_EXIT_ZERO", "true");
        assertEquals(0, git.run(ws, null, "bash", script.toString()).exit(), "report-only mode");
    }
}
