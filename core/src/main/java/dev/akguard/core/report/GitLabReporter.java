package dev.akguard.core.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.akguard.core.finding.Finding;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * GitLab's secret detection report ({@code gl-secret-detection-report.json}, declared in a job's
 * {@code artifacts:reports:secret_detection}), in the schema version {@link #SCHEMA_VERSION}:
 * GitLab validates a report against the schema of the version it declares and drops it when it does
 * not match. The report never holds the secret (no {@code raw_source_code_extract}).
 */
public final class GitLabReporter implements Reporter {
    public static final String SCHEMA_VERSION = "15.0.7";
    static final String SCHEMA_URL =
            "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v"
                    + SCHEMA_VERSION
                    + "/dist/secret-detection-report-format.json";

    /**
     * What GitLab's own analyzer reports as the commit when the scanned files are not a git
     * checkout.
     */
    static final String NO_COMMIT = "0000000";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    @Override
    public void write(List<Finding> findings, ReportOptions options, Writer out)
            throws IOException {
        JsonObject report = new JsonObject();
        report.addProperty("version", SCHEMA_VERSION);
        report.addProperty("schema", SCHEMA_URL);
        JsonObject scan = new JsonObject();
        scan.add("analyzer", tool(options.toolVersion()));
        scan.add("scanner", tool(options.toolVersion()));
        scan.addProperty("type", "secret_detection");
        scan.addProperty("status", "success");
        Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant start = options.startedAt().truncatedTo(ChronoUnit.SECONDS);
        scan.addProperty("start_time", TIME.format(start.isAfter(end) ? end : start));
        scan.addProperty("end_time", TIME.format(end));
        report.add("scan", scan);
        JsonArray vulns = new JsonArray();
        for (Finding f : findings) vulns.add(vulnerability(f, options));
        report.add("vulnerabilities", vulns);
        out.write(
                new GsonBuilder()
                        .setPrettyPrinting()
                        .disableHtmlEscaping()
                        .create()
                        .toJson(report));
        out.write('\n');
    }

    private static JsonObject tool(String version) {
        JsonObject t = new JsonObject();
        t.addProperty("id", "akguard");
        t.addProperty("name", "akguard");
        t.addProperty("url", SarifReporter.INFO_URI);
        t.addProperty("version", version == null || version.isBlank() ? "unknown" : version);
        JsonObject vendor = new JsonObject();
        vendor.addProperty("name", "akguard");
        t.add("vendor", vendor);
        return t;
    }

    private static JsonObject vulnerability(Finding f, ReportOptions options) {
        String commit =
                f.git() != null
                        ? f.git().commit()
                        : options.revision() != null && !options.revision().isBlank()
                                ? options.revision()
                                : NO_COMMIT;
        JsonObject v = new JsonObject();
        // Stable across runs for the same key at the same place, so GitLab tracks it rather than
        // reporting it anew.
        v.addProperty(
                "id",
                UUID.nameUUIDFromBytes(
                                (f.fingerprint()
                                                + "\0"
                                                + f.path()
                                                + "\0"
                                                + f.id().line()
                                                + "\0"
                                                + commit)
                                        .getBytes(StandardCharsets.UTF_8))
                        .toString());
        v.addProperty("name", f.rule().title());
        String validity = options.validityOf(f);
        v.addProperty(
                "description",
                TextReporter.describe(f, options.showSecrets())
                        + "."
                        + (validity == null ? "" : " Validity: " + validity + ".")
                        + " "
                        + f.rule().description());
        v.addProperty(
                "severity",
                switch (f.rule()) {
                    case ACCESS_KEY_PAIR -> "Critical";
                    case STS_CREDENTIALS -> "High";
                    case ACCESS_KEY_ID -> "Medium";
                });
        v.addProperty("solution", f.rule().remediation() + ".");
        JsonArray ids = new JsonArray();
        JsonObject id = new JsonObject();
        id.addProperty("type", "akguard_rule_id");
        id.addProperty("name", "akguard rule " + f.ruleId());
        id.addProperty("value", f.ruleId());
        id.addProperty("url", f.rule().helpUri());
        ids.add(id);
        v.add("identifiers", ids);
        JsonObject loc = new JsonObject();
        loc.addProperty("file", f.path());
        loc.addProperty("start_line", f.id().line());
        int endLine = f.id().endLine();
        if (f.secretPosition() != null) endLine = Math.max(endLine, f.secretPosition().endLine());
        if (f.securityTokenPosition() != null)
            endLine = Math.max(endLine, f.securityTokenPosition().endLine());
        loc.addProperty("end_line", endLine);
        JsonObject c = new JsonObject();
        c.addProperty("sha", commit);
        if (f.git() != null) {
            if (f.git().author() != null) c.addProperty("author", f.git().author());
            if (f.git().date() != null) c.addProperty("date", f.git().date().toString());
        }
        loc.add("commit", c);
        v.add("location", loc);
        return v;
    }
}
