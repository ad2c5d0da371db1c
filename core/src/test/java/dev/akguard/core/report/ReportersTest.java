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
import java.io.StringWriter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReportersTest {
    private final Random r = new Random(11);
    private final String id = TestKeys.id(r);
    private final String secret = TestKeys.secret(r);
    private final List<Finding> findings =
            Engine.defaults()
                    .scan(
                            "x\naccessKeyId: "
                                    + id
                                    + "\naccessKeySecret: "
                                    + secret
                                    + "\nother: "
                                    + TestKeys.id(r)
                                    + "\n".repeat(100),
                            "dir/my file.yml");

    private String render(String format, boolean show) throws Exception {
        StringWriter w = new StringWriter();
        Reporter.forFormat(format).write(findings, new ReportOptions(show, "1.2.3"), w);
        return w.toString();
    }

    @Test
    void noFormatPrintsTheSecretUnlessAsked() throws Exception {
        for (String f : List.of("text", "json", "sarif")) {
            assertFalse(render(f, false).contains(secret), f + " leaked the secret");
            assertTrue(render(f, true).contains(secret), f + " must show it with --show-secrets");
            assertTrue(render(f, false).contains(id), f + " shows the ID, an identifier");
        }
    }

    @Test
    void textIsCompilerStyle() throws Exception {
        String text = render("text", false);
        assertTrue(
                text.startsWith(
                        "dir/my file.yml:2:14: error: alibaba-access-key-pair: AccessKey pair "
                                + id
                                + " with its secret "
                                + secret.substring(0, 3)
                                + "… at line 3, column 18"),
                text);
        assertTrue(text.contains("docs: docs/rules/alibaba-access-key-pair.md"));
    }

    @Test
    void jsonCarriesPositionsHashAndFingerprint() throws Exception {
        JsonArray arr = JsonParser.parseString(render("json", false)).getAsJsonArray();
        assertEquals(2, arr.size());
        JsonObject o = arr.get(0).getAsJsonObject();
        assertEquals("dir/my file.yml", o.get("file").getAsString());
        assertEquals(2, o.get("line").getAsInt());
        assertEquals(3, o.getAsJsonObject("secretLocation").get("line").getAsInt());
        assertEquals(64, o.get("secretSha256").getAsString().length());
        assertFalse(o.has("secret"));
        assertEquals(
                "alibaba-access-key-id", arr.get(1).getAsJsonObject().get("ruleId").getAsString());
    }

    @Test
    void sarifPutsTheIdInLocationsAndTheSecretInRelatedLocations() throws Exception {
        JsonObject log = JsonParser.parseString(render("sarif", false)).getAsJsonObject();
        assertEquals("2.1.0", log.get("version").getAsString());
        JsonObject run = log.getAsJsonArray("runs").get(0).getAsJsonObject();
        JsonObject result = run.getAsJsonArray("results").get(0).getAsJsonObject();
        JsonObject loc =
                result.getAsJsonArray("locations")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("physicalLocation");
        assertEquals(
                "dir/my%20file.yml",
                loc.getAsJsonObject("artifactLocation").get("uri").getAsString());
        assertEquals(2, loc.getAsJsonObject("region").get("startLine").getAsInt());
        assertEquals(14, loc.getAsJsonObject("region").get("startColumn").getAsInt());
        JsonObject rel =
                result.getAsJsonArray("relatedLocations")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("physicalLocation");
        assertEquals(3, rel.getAsJsonObject("region").get("startLine").getAsInt());
        String fp =
                result.getAsJsonObject("partialFingerprints")
                        .get("akguardFingerprint/v1")
                        .getAsString();
        assertEquals(findings.get(0).fingerprint(), fp);
        assertEquals(
                3,
                run.getAsJsonObject("tool")
                        .getAsJsonObject("driver")
                        .getAsJsonArray("rules")
                        .size());
        assertEquals(result.get("ruleIndex").getAsInt(), 0);
    }
}
