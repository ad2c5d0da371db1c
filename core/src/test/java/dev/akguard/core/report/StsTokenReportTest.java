package dev.akguard.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.akguard.core.Engine;
import dev.akguard.core.detect.TestKeys;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.Secret;
import java.io.StringWriter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Issue 13: every format shows the STS security token as it shows the secret, redacted. */
class StsTokenReportTest {
    private final Random r = new Random(1313);
    private final String id = "ST" + "S.NT" + TestKeys.secret(r).substring(0, 26);
    private final String secret = TestKeys.secret(r) + TestKeys.secret(r).substring(0, 14);
    private final String token =
            "CA"
                    + "IS"
                    + TestKeys.secret(r)
                    + "+"
                    + TestKeys.secret(r)
                    + TestKeys.secret(r)
                    + "/"
                    + TestKeys.secret(r)
                    + TestKeys.secret(r)
                    + "==";
    private final List<Finding> findings =
            Engine.defaults()
                    .scan(
                            "{\n  \"Credentials\": {\n    \"AccessKeySecret\": \""
                                    + secret
                                    + "\",\n    \"Expiration\": \"2026-12-05T06:00:00Z\",\n"
                                    + "    \"AccessKeyId\": \""
                                    + id
                                    + "\",\n    \"SecurityToken\": \""
                                    + token
                                    + "\"\n  }\n}\n",
                            "ops/assume-role.json");

    private String render(String format, boolean show) throws Exception {
        StringWriter w = new StringWriter();
        Reporter.forFormat(format).write(findings, new ReportOptions(show, "1.2.3"), w);
        return w.toString();
    }

    @Test
    void theFindingHasItsToken() {
        assertEquals(1, findings.size());
        assertEquals(token, findings.get(0).securityToken().value());
    }

    @Test
    void noFormatPrintsTheTokenUnlessAsked() throws Exception {
        for (String f : List.of("text", "json", "sarif", "github", "gitlab")) {
            String out = render(f, false);
            assertFalse(out.contains(token), f + " leaked the token");
            assertFalse(out.contains(token.substring(0, 40)), f + " leaked part of the token");
            assertFalse(out.contains(secret), f + " leaked the secret");
        }
        for (String f : List.of("text", "json", "sarif", "github"))
            assertTrue(render(f, true).contains(token), f + " must show it with --show-secrets");
    }

    @Test
    void textNamesTheTokenRedactedWithItsPlace() throws Exception {
        String text = render("text", false);
        assertTrue(
                text.contains(
                        "STS credentials "
                                + id
                                + " with secret "
                                + secret.substring(0, 3)
                                + "… at line 3, column 25 and security token CAI… at line 6, column 23"),
                text);
    }

    @Test
    void jsonHasTheTokenFieldsMirroringTheSecretOnes() throws Exception {
        JsonObject o =
                JsonParser.parseString(render("json", false))
                        .getAsJsonArray()
                        .get(0)
                        .getAsJsonObject();
        assertEquals("alibaba-sts-credentials", o.get("ruleId").getAsString());
        JsonObject loc = o.getAsJsonObject("securityTokenLocation");
        assertEquals(6, loc.get("line").getAsInt());
        assertEquals(23, loc.get("column").getAsInt());
        assertEquals(6, loc.get("endLine").getAsInt());
        assertEquals(23 + token.length(), loc.get("endColumn").getAsInt());
        assertEquals("CAI…", o.get("securityTokenRedacted").getAsString());
        assertEquals(Secret.sha256Hex(token), o.get("securityTokenSha256").getAsString());
        assertFalse(o.has("securityToken"));
        assertEquals(
                "alibaba-sts-credentials:" + Secret.sha256Hex(id + ":" + secret),
                o.get("fingerprint").getAsString());
        JsonObject shown =
                JsonParser.parseString(render("json", true))
                        .getAsJsonArray()
                        .get(0)
                        .getAsJsonObject();
        assertEquals(token, shown.get("securityToken").getAsString());
    }

    @Test
    void sarifHasTheTokenAsASecondRelatedLocationAndInProperties() throws Exception {
        JsonObject result =
                JsonParser.parseString(render("sarif", false))
                        .getAsJsonObject()
                        .getAsJsonArray("runs")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonArray("results")
                        .get(0)
                        .getAsJsonObject();
        JsonArray related = result.getAsJsonArray("relatedLocations");
        assertEquals(2, related.size());
        JsonObject tok = related.get(1).getAsJsonObject();
        assertEquals(2, tok.get("id").getAsInt());
        JsonObject region = tok.getAsJsonObject("physicalLocation").getAsJsonObject("region");
        assertEquals(6, region.get("startLine").getAsInt());
        assertEquals(23, region.get("startColumn").getAsInt());
        assertEquals(
                "The security token of " + id + " (CAI…).",
                tok.getAsJsonObject("message").get("text").getAsString());
        JsonObject props = result.getAsJsonObject("properties");
        assertEquals("CAI…", props.get("securityTokenRedacted").getAsString());
        assertEquals(Secret.sha256Hex(token), props.get("securityTokenSha256").getAsString());
    }

    @Test
    void gitlabLocationSpansTheToken() throws Exception {
        JsonObject loc =
                JsonParser.parseString(render("gitlab", false))
                        .getAsJsonObject()
                        .getAsJsonArray("vulnerabilities")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("location");
        assertEquals(5, loc.get("start_line").getAsInt());
        assertEquals(6, loc.get("end_line").getAsInt());
        assertTrue(render("github", false).contains("security token CAI…"));
    }
}
