package dev.akguard.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.akguard.core.Engine;
import dev.akguard.core.detect.TestKeys;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.GitInfo;
import java.io.InputStream;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * `--format github` (workflow commands) and `--format gitlab` (secret detection report, checked
 * against GitLab's schema).
 */
class CiReportersTest {
    private final Random r = new Random(5);
    private final String id = TestKeys.id(r);
    private final String secret = TestKeys.secret(r);

    /** A hostile file name: every character GitHub's workflow-command syntax cares about. */
    private final String hostileName = "a:b,c%d\ne\r::warning file=x::pwned\u0007.yml";

    private final List<Finding> findings =
            Engine.defaults()
                    .scan(
                            "x\naccessKeyId: "
                                    + id
                                    + "\naccessKeySecret: "
                                    + secret
                                    + "\nother: "
                                    + TestKeys.id(r)
                                    + "\n",
                            hostileName);

    private String render(String format, ReportOptions options, List<Finding> list)
            throws Exception {
        StringWriter w = new StringWriter();
        Reporter.forFormat(format).write(list, options, w);
        return w.toString();
    }

    /** Decodes a value the way the Actions runner does. */
    private static String unescape(String s) {
        return s.replace("%0D", "\r")
                .replace("%0A", "\n")
                .replace("%3A", ":")
                .replace("%2C", ",")
                .replace("%25", "%");
    }

    @Test
    void githubWritesOneWorkflowCommandPerFindingWithEscapedProperties() throws Exception {
        String out = render("github", new ReportOptions(false, "1.2.3"), findings);
        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out);
        Pattern cmd =
                Pattern.compile(
                        "^::(error|warning|notice) file=([^,:]*),line=(\\d+),col=(\\d+),endLine=(\\d+),endColumn=(\\d+),title=([^,:]*)::(.*)$");
        Matcher m = cmd.matcher(lines.get(0));
        assertTrue(m.matches(), lines.get(0));
        assertEquals("error", m.group(1));
        // Bell becomes U+FFFD (no escape exists for it); everything else round-trips through the
        // runner's decoding.
        assertEquals(hostileName.replace('\u0007', '\uFFFD'), unescape(m.group(2)));
        assertEquals("2", m.group(3));
        assertEquals("14", m.group(4));
        assertEquals(String.valueOf(14 + id.length()), m.group(6));
        assertEquals("akguard: Alibaba Cloud AccessKey pair (ID and secret)", unescape(m.group(7)));
        String message = unescape(m.group(8));
        assertTrue(message.startsWith("alibaba-access-key-pair: AccessKey pair " + id), message);
        assertTrue(message.contains("\nFix: disable and rotate"), message);
        assertFalse(out.contains(secret), "never the secret");
        Matcher second = cmd.matcher(lines.get(1));
        assertTrue(second.matches(), lines.get(1));
        assertEquals("warning", second.group(1));
        // Nothing in the file name can start a line of its own: every line is one of our commands.
        for (String line : lines)
            assertTrue(line.startsWith("::error ") || line.startsWith("::warning "), line);
    }

    @Test
    void githubMessagesEscapePercentAndNewlinesButKeepColons() {
        assertEquals("a:b,c%25d%0Ae%0D", GitHubReporter.message("a:b,c%d\ne\r"));
        assertEquals("a%3Ab%2Cc%25d%0Ae%0D", GitHubReporter.property("a:b,c%d\ne\r"));
    }

    @Test
    void githubShowsValidityWhenVerified() throws Exception {
        ReportOptions o =
                new ReportOptions(false, "1.2.3")
                        .withValidity(Map.of(findings.get(0).fingerprint(), "VALID"));
        String first = render("github", o, findings).lines().findFirst().orElseThrow();
        assertTrue(first.contains("Validity: VALID."), first);
    }

    private static Schema gitlabSchema() throws Exception {
        try (InputStream in =
                CiReportersTest.class.getResourceAsStream(
                        "/gitlab/secret-detection-report-format-"
                                + GitLabReporter.SCHEMA_VERSION
                                + ".json")) {
            assertTrue(
                    in != null,
                    "the vendored schema of the declared version is in the test resources");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
    }

    @Test
    void gitlabReportMatchesGitLabsPublishedSchema() throws Exception {
        List<Finding> withGit = new ArrayList<>(findings);
        withGit.add(
                findings.get(0)
                        .withPath("src/App.java")
                        .withGit(
                                new GitInfo(
                                        "0123456789abcdef0123456789abcdef01234567",
                                        "Dev",
                                        "dev@example.invalid",
                                        Instant.parse("2024-02-03T04:05:06Z"))));
        ReportOptions options =
                new ReportOptions(false, "1.2.3")
                        .withRevision(
                                "fedcba9876543210fedcba9876543210fedcba98",
                                Instant.now().minusSeconds(3));
        String json = render("gitlab", options, withGit);
        List<Error> errors = gitlabSchema().validate(json, InputFormat.JSON);
        assertTrue(errors.isEmpty(), errors + "\n" + json);

        JsonObject report = JsonParser.parseString(json).getAsJsonObject();
        assertEquals(GitLabReporter.SCHEMA_VERSION, report.get("version").getAsString());
        assertEquals("secret_detection", report.getAsJsonObject("scan").get("type").getAsString());
        JsonArray vulns = report.getAsJsonArray("vulnerabilities");
        assertEquals(3, vulns.size());
        JsonObject pair = vulns.get(0).getAsJsonObject();
        assertEquals("Critical", pair.get("severity").getAsString());
        assertEquals(hostileName, pair.getAsJsonObject("location").get("file").getAsString());
        assertEquals(2, pair.getAsJsonObject("location").get("start_line").getAsInt());
        assertEquals(3, pair.getAsJsonObject("location").get("end_line").getAsInt());
        assertEquals(
                "fedcba9876543210fedcba9876543210fedcba98",
                pair.getAsJsonObject("location").getAsJsonObject("commit").get("sha").getAsString(),
                "a plain file scan names CI's checkout");
        assertEquals("Medium", vulns.get(1).getAsJsonObject().get("severity").getAsString());
        JsonObject fromGit =
                vulns.get(2)
                        .getAsJsonObject()
                        .getAsJsonObject("location")
                        .getAsJsonObject("commit");
        assertEquals(
                "0123456789abcdef0123456789abcdef01234567",
                fromGit.get("sha").getAsString(),
                "a history finding names its own commit");
        assertEquals("Dev", fromGit.get("author").getAsString());
        assertFalse(json.contains(secret), "never the secret");
        // The id is stable across runs (GitLab tracks vulnerabilities by it) and distinct per
        // finding.
        assertEquals(
                pair.get("id").getAsString(),
                JsonParser.parseString(render("gitlab", options, withGit))
                        .getAsJsonObject()
                        .getAsJsonArray("vulnerabilities")
                        .get(0)
                        .getAsJsonObject()
                        .get("id")
                        .getAsString());
        assertFalse(
                pair.get("id")
                        .getAsString()
                        .equals(vulns.get(2).getAsJsonObject().get("id").getAsString()));
    }

    @Test
    void gitlabReportWithoutFindingsOrCommitIsStillValid() throws Exception {
        assertTrue(
                gitlabSchema()
                        .validate(
                                render("gitlab", new ReportOptions(false, "1.2.3"), List.of()),
                                InputFormat.JSON)
                        .isEmpty());
        String json = render("gitlab", new ReportOptions(false, ""), findings);
        assertTrue(gitlabSchema().validate(json, InputFormat.JSON).isEmpty(), json);
        assertTrue(json.contains("\"sha\": \"" + GitLabReporter.NO_COMMIT + "\""), json);
    }

    @Test
    void theSchemaCatchesABrokenReport() throws Exception {
        // Proves the validation above can fail: drop a required field and GitLab's schema rejects
        // the report.
        JsonObject report =
                JsonParser.parseString(
                                render("gitlab", new ReportOptions(false, "1.2.3"), findings))
                        .getAsJsonObject();
        report.getAsJsonArray("vulnerabilities")
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("location")
                .remove("commit");
        assertFalse(gitlabSchema().validate(report.toString(), InputFormat.JSON).isEmpty());
    }
}
