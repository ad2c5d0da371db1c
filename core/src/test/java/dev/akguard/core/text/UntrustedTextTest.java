package dev.akguard.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.akguard.core.Engine;
import dev.akguard.core.detect.TestKeys;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.GitInfo;
import dev.akguard.core.report.ReportOptions;
import dev.akguard.core.report.Reporter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Names from a scanned tree or history never reach the terminal with control characters; URLs are
 * encoded per segment.
 */
class UntrustedTextTest {
    private final Random r = new Random(5);
    private final String pair =
            "accessKeyId: " + TestKeys.id(r) + "\naccessKeySecret: " + TestKeys.secret(r) + "\n";

    @Test
    void controlsAndBidiOverridesAreEscaped() {
        assertEquals(
                "a\\e[2Jb\\nc\\r\\t\\x00\\x07\\x7f\\x9b\\u202e\\u2066\\u2028",
                Untrusted.inline("a\u001b[2Jb\nc\r\t\u0000\u0007\u007f\u009b\u202e\u2066\u2028"));
        assertEquals("plain 名字 é", Untrusted.inline("plain 名字 é"));
        assertEquals(
                "line 1\nline 2\\e]0;x\\x07",
                Untrusted.multiline("line 1\r\nline 2\u001b]0;x\u0007"));
    }

    @Test
    void displayWidthCountsEastAsianWideAsTwo() {
        assertEquals(4, DisplayWidth.of("名字"));
        assertEquals(6, DisplayWidth.of("ab한국"));
        assertEquals(2, DisplayWidth.of("ＡＢ".substring(0, 1)));
        assertEquals(1, DisplayWidth.of("e\u0301"), "a combining accent takes no column");
        assertEquals(2, DisplayWidth.of(new String(Character.toChars(0x1F600))));
        assertEquals("名字  |", DisplayWidth.padRight("名字", 6) + "|");
        assertEquals("名…", DisplayWidth.truncate("名字名字", 4));
        assertTrue(DisplayWidth.of(DisplayWidth.truncate("名字名字", 5)) <= 5);
    }

    @Test
    void pathSegmentsArePercentEncoded() {
        assertEquals("prod%3Aapp.yml", UriPaths.path("prod:app.yml"));
        assertEquals("dir/a%20b%23c%3Fd%0Ae.yml", UriPaths.path("dir/a b#c?d\ne.yml"));
        assertEquals("%E5%90%8D.txt", UriPaths.path("名.txt"));
        assertEquals("a%2Fb", UriPaths.segment("a/b"));
        assertEquals("x%28y%29", UriPaths.segment("x(y)"), "parentheses would end a Markdown link");
    }

    @Test
    void sarifSurvivesAColonInTheFirstSegment() throws Exception {
        List<Finding> f = Engine.defaults().scan(pair, "prod:app.yml");
        StringWriter w = new StringWriter();
        Reporter.forFormat("sarif").write(f, new ReportOptions(false, "1"), w);
        String uri =
                JsonParser.parseString(w.toString())
                        .getAsJsonObject()
                        .getAsJsonArray("runs")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonArray("results")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonArray("locations")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("physicalLocation")
                        .getAsJsonObject("artifactLocation")
                        .get("uri")
                        .getAsString();
        assertEquals("prod%3Aapp.yml", uri);
    }

    @Test
    void textReportNeutralisesHostileNamesAndAuthors() throws Exception {
        String path = "a\nfake.yml:1:1: note: nothing here\nb\u001b[31m.yml";
        Finding f =
                Engine.defaults()
                        .scan(pair, path)
                        .get(0)
                        .withGit(
                                new GitInfo(
                                        "abc123",
                                        "Eve\u001b]0;pwn\u0007",
                                        "e@x\u202e",
                                        Instant.EPOCH));
        StringWriter w = new StringWriter();
        Reporter.forFormat("text").write(List.of(f), new ReportOptions(false, "1"), w);
        String out = w.toString();
        assertEquals(4, out.split("\n").length, out);
        assertTrue(
                out.startsWith("a\\nfake.yml:1:1: note: nothing here\\nb\\e[31m.yml:1:14: error:"),
                out);
        assertTrue(out.contains("by Eve\\e]0;pwn\\x07 <e@x\\u202e>"), out);
    }

    /**
     * Fuzz: random bytes as file names and authors; the text report holds no raw control character
     * but its own newlines.
     */
    @Test
    void fuzzedNamesNeverPutARawControlCharacterOnTheTerminal() throws Exception {
        Random rnd = new Random(99);
        Finding base = Engine.defaults().scan(pair, "x.yml").get(0);
        for (int i = 0; i < 3_000; i++) {
            String path = randomText(rnd), author = randomText(rnd);
            Finding f =
                    Engine.defaults()
                            .scan(pair, path)
                            .get(0)
                            .withGit(new GitInfo("c0ffee", author, randomText(rnd), null));
            StringWriter w = new StringWriter();
            Reporter.forFormat("text").write(List.of(f, base), new ReportOptions(false, "1"), w);
            String out = w.toString();
            assertEquals(
                    4 + 3,
                    out.split("\n", -1).length - 1,
                    () -> "a name added or removed lines: " + out);
            for (int k = 0; k < out.length(); k++) {
                char c = out.charAt(k);
                if (c == '\n') continue;
                assertFalse(
                        Untrusted.needsEscape(c), "raw U+" + Integer.toHexString(c) + " in " + out);
            }
        }
    }

    private static String randomText(Random rnd) {
        byte[] b = new byte[1 + rnd.nextInt(24)];
        rnd.nextBytes(b);
        String s =
                rnd.nextBoolean()
                        ? new String(b, StandardCharsets.UTF_8)
                        : new String(b, StandardCharsets.ISO_8859_1);
        return rnd.nextInt(4) == 0 ? s + "\u202e\u2067" : s;
    }
}
