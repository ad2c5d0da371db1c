package dev.akguard.core.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.Position;
import dev.akguard.core.finding.Rule;
import dev.akguard.core.text.UriPaths;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * SARIF 2.1.0 as GitHub code scanning ingests it: the AccessKey ID is {@code locations[0]}, the
 * secret is a {@code relatedLocation} (id 1), so is an STS security token (id 2), {@code
 * partialFingerprints} holds the secret-free fingerprint, and each rule carries its help text and a
 * security-severity.
 */
public final class SarifReporter implements Reporter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFO_URI = "https://github.com/akguard/akguard";

    @Override
    public void write(List<Finding> findings, ReportOptions options, Writer out)
            throws IOException {
        JsonObject log = new JsonObject();
        log.addProperty("$schema", SCHEMA);
        log.addProperty("version", "2.1.0");
        JsonObject run = new JsonObject();
        JsonObject driver = new JsonObject();
        driver.addProperty("name", "akguard");
        driver.addProperty("informationUri", INFO_URI);
        driver.addProperty("version", options.toolVersion());
        driver.addProperty("semanticVersion", semver(options.toolVersion()));
        JsonArray rules = new JsonArray();
        for (Rule r : Rule.values()) rules.add(rule(r));
        driver.add("rules", rules);
        JsonObject tool = new JsonObject();
        tool.add("driver", driver);
        run.add("tool", tool);
        JsonObject invocation = new JsonObject();
        invocation.addProperty("executionSuccessful", true);
        JsonArray invocations = new JsonArray();
        invocations.add(invocation);
        run.add("invocations", invocations);
        run.addProperty("columnKind", "utf16CodeUnits");
        JsonArray results = new JsonArray();
        for (Finding f : findings) {
            JsonObject r = result(f, options.showSecrets());
            String validity = options.validityOf(f);
            if (validity != null) r.getAsJsonObject("properties").addProperty("validity", validity);
            results.add(r);
        }
        run.add("results", results);
        JsonArray runs = new JsonArray();
        runs.add(run);
        log.add("runs", runs);
        out.write(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(log));
        out.write('\n');
    }

    private static String semver(String v) {
        return v.matches("\\d+\\.\\d+\\.\\d+.*") ? v : "0.0.0";
    }

    private static JsonObject rule(Rule r) {
        JsonObject o = new JsonObject();
        o.addProperty("id", r.id());
        o.addProperty("name", r.sarifName());
        o.add("shortDescription", text(r.title()));
        o.add("fullDescription", text(r.description()));
        JsonObject help = new JsonObject();
        help.addProperty(
                "text", r.description() + " Fix: " + r.remediation() + ". Details: " + r.helpUri());
        help.addProperty(
                "markdown",
                "**"
                        + r.title()
                        + "**\n\n"
                        + r.description()
                        + "\n\n**Fix:** "
                        + r.remediation()
                        + ".\n\n[Rule documentation]("
                        + r.helpUri()
                        + ")");
        o.add("help", help);
        o.addProperty("helpUri", r.helpUri());
        JsonObject cfg = new JsonObject();
        cfg.addProperty("level", r.defaultSeverity().sarifLevel());
        o.add("defaultConfiguration", cfg);
        JsonObject props = new JsonObject();
        JsonArray tags = new JsonArray();
        tags.add("security");
        tags.add("secret");
        tags.add("alibaba-cloud");
        props.add("tags", tags);
        props.addProperty("precision", r == Rule.ACCESS_KEY_ID ? "high" : "very-high");
        props.addProperty(
                "security-severity",
                switch (r) {
                    case ACCESS_KEY_PAIR -> "9.8";
                    case STS_CREDENTIALS -> "8.1";
                    case ACCESS_KEY_ID -> "5.3";
                });
        o.add("properties", props);
        return o;
    }

    private static JsonObject result(Finding f, boolean showSecrets) {
        JsonObject o = new JsonObject();
        o.addProperty("ruleId", f.ruleId());
        o.addProperty("ruleIndex", f.rule().ordinal());
        o.addProperty("level", f.severity().sarifLevel());
        o.add("message", text(TextReporter.describe(f, showSecrets) + "."));
        JsonArray locations = new JsonArray();
        locations.add(location(f.path(), f.id(), null, null));
        o.add("locations", locations);
        if (f.secretPosition() != null) {
            JsonArray related = new JsonArray();
            related.add(
                    location(
                            f.path(),
                            f.secretPosition(),
                            1,
                            "The secret paired with "
                                    + f.accessKeyId()
                                    + " ("
                                    + (showSecrets ? f.secret().value() : f.secretRedacted())
                                    + ")."));
            if (f.hasSecurityToken())
                related.add(
                        location(
                                f.path(),
                                f.securityTokenPosition(),
                                2,
                                "The security token of "
                                        + f.accessKeyId()
                                        + " ("
                                        + (showSecrets
                                                ? f.securityToken().value()
                                                : f.securityTokenRedacted())
                                        + ")."));
            o.add("relatedLocations", related);
        }
        JsonObject fp = new JsonObject();
        fp.addProperty("akguardFingerprint/v1", f.fingerprint());
        o.add("partialFingerprints", fp);
        JsonObject props = new JsonObject();
        props.addProperty("accessKeyId", f.accessKeyId());
        if (f.secret() != null) {
            props.addProperty("secretRedacted", f.secretRedacted());
            props.addProperty("secretSha256", f.secretSha256());
        }
        if (f.hasSecurityToken()) {
            props.addProperty("securityTokenRedacted", f.securityTokenRedacted());
            props.addProperty("securityTokenSha256", f.securityTokenSha256());
        }
        props.addProperty("encoding", f.encoding());
        if (f.isBinary()) props.addProperty("byteOffset", f.id().offset());
        if (f.git() != null) {
            props.addProperty("commit", f.git().commit());
            props.addProperty("author", f.git().author());
            if (f.git().email() != null) props.addProperty("email", f.git().email());
            if (f.git().date() != null) props.addProperty("date", f.git().date().toString());
        }
        o.add("properties", props);
        return o;
    }

    private static JsonObject location(String path, Position p, Integer id, String message) {
        JsonObject loc = new JsonObject();
        if (id != null) loc.addProperty("id", id);
        JsonObject phys = new JsonObject();
        JsonObject art = new JsonObject();
        art.addProperty("uri", uri(path));
        phys.add("artifactLocation", art);
        JsonObject region = new JsonObject();
        region.addProperty("startLine", p.line());
        region.addProperty("startColumn", p.column());
        region.addProperty("endLine", p.endLine());
        region.addProperty("endColumn", p.endColumn());
        phys.add("region", region);
        loc.add("physicalLocation", phys);
        if (message != null) loc.add("message", text(message));
        return loc;
    }

    /**
     * A relative URI reference: each path segment percent-encoded, '/' kept. Encoded by hand:
     * {@code java.net.URI} reads a first segment such as {@code prod:app.yml} as a scheme, and
     * leaves control characters raw.
     */
    static String uri(String path) {
        return UriPaths.path(path);
    }

    private static JsonObject text(String s) {
        JsonObject o = new JsonObject();
        o.addProperty("text", s);
        return o;
    }
}
