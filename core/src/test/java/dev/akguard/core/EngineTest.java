package dev.akguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.detect.TestKeys;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.Rule;
import dev.akguard.core.finding.Severity;
import dev.akguard.core.suppress.Baseline;
import dev.akguard.core.suppress.Config;
import dev.akguard.core.suppress.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
    private final Random r = new Random(5);
    private final String id = TestKeys.id(r);
    private final String secret = TestKeys.secret(r);
    private final String pairText =
            "accessKeyId = \"" + id + "\"\naccessKeySecret = \"" + secret + "\"\n";

    @Test
    void inlineIgnoreOnTheIdOrSecretLineSuppresses() {
        Engine e = Engine.defaults();
        assertEquals(1, e.scan(pairText, "a.py").size());
        assertEquals(0, e.scan(pairText.replaceFirst("\n", " # akguard:ignore\n"), "a.py").size());
        assertEquals(
                0,
                e.scan(pairText.replace(secret + "\"", secret + "\" // akguard:ignore"), "a.py")
                        .size());
        assertEquals(
                1,
                e.scan("# akguard:ignore\n" + pairText, "a.py").size(),
                "a marker on another line does not count");
    }

    @Test
    void baselineSuppressesByFingerprintWhereverTheKeyMoves(@TempDir Path dir) throws Exception {
        Engine e = Engine.defaults();
        List<Finding> found = e.scan(pairText, "a.py");
        Path file = dir.resolve(Baseline.FILE_NAME);
        Baseline.EMPTY.plus(found, "test key").save(file);
        String saved = Files.readString(file);
        assertFalse(saved.contains(secret), "baseline must not hold the secret");
        assertFalse(
                saved.contains(id), "baseline masks the ID so it does not look like a leak itself");
        Engine withBaseline = Engine.create(ScanSettings.load(dir, null, null));
        assertEquals(0, withBaseline.scan("\n\n\n" + pairText, "moved/b.py").size());
        String other =
                "accessKeyId = \""
                        + TestKeys.id(r)
                        + "\"\naccessKeySecret = \""
                        + TestKeys.secret(r)
                        + "\"\n";
        assertEquals(1, withBaseline.scan(other, "a.py").size());
    }

    @Test
    void configAllowlistsSeveritiesAndDisabledRules() {
        Config c =
                Config.parse(
                        """
                // comments are allowed
                {
                  "exclude": ["vendor/", "**/*.min.js"],
                  "allow": {"accessKeyIds": ["%s"], "patterns": ["fixture"]},
                  "rules": {"alibaba-access-key-id": {"severity": "note"}, "alibaba-sts-credentials": {"enabled": false}},
                  "maxFileSize": "10m"
                }
                """
                                .formatted(id),
                        "test");
        Engine e = Engine.create(ScanSettings.defaults().withConfig(c));
        assertEquals(0, e.scan(pairText, "a.py").size());
        String other = TestKeys.id(r);
        assertEquals(0, e.scan("id = " + other + " # fixture\n", "a.py").size());
        List<Finding> f = e.scan("id = " + other + "\n", "a.py");
        assertEquals(Severity.NOTE, f.get(0).severity());
        assertTrue(e.isExcluded("vendor/lib/x.go"));
        assertTrue(e.isExcluded("web/app.min.js"));
        assertFalse(e.isExcluded("web/app.js"));
        assertEquals(10L << 20, c.maxFileSize());
        assertFalse(c.enabled(Rule.STS_CREDENTIALS));
    }

    @Test
    void badConfigSaysWhatIsWrong() {
        ConfigException ex =
                assertThrows(
                        ConfigException.class,
                        () -> Config.parse("{\"rules\": {\"nope\": {}}}", "cfg.json"));
        assertTrue(
                ex.getMessage().contains("unknown rule 'nope'")
                        && ex.getMessage().contains("alibaba-access-key-pair"),
                ex.getMessage());
        assertThrows(
                ConfigException.class,
                () -> Config.parse("{\"allow\": {\"patterns\": [\"(\"]}}", "cfg.json"));
        assertThrows(ConfigException.class, () -> Config.parse("[1,2]", "cfg.json"));
        assertThrows(
                ConfigException.class,
                () -> Config.parse("{\"maxFileSize\": \"lots\"}", "cfg.json"));
    }

    @Test
    void fingerprintIsStableAndSecretFree() {
        Finding a = Engine.defaults().scan(pairText, "a.py").get(0);
        Finding b = Engine.defaults().scan("x\n" + pairText, "elsewhere.py").get(0);
        assertEquals(a.fingerprint(), b.fingerprint());
        assertFalse(a.fingerprint().contains(secret));
        assertTrue(a.fingerprint().startsWith("alibaba-access-key-pair:"));
        assertFalse(a.toString().contains(secret), "toString must redact");
    }

    @Test
    void binaryContentIsScannedAsStringsAndUtf16AsText() {
        byte[] bin =
                ("\0\0\0PNG" + pairText).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        List<Finding> inBinary = Engine.defaults().scan(bin, "x.bin");
        assertEquals(1, inBinary.size());
        assertEquals("binary", inBinary.get(0).encoding());
        long offset = pairText.indexOf(inBinary.get(0).accessKeyId()) + 6;
        assertEquals(offset, inBinary.get(0).id().offset());
        // Every report format locates it by that byte offset.
        assertEquals(
                offset,
                dev.akguard.core.report.JsonReporter.toJson(inBinary.get(0), false)
                        .get("byteOffset")
                        .getAsLong());
        assertTrue(
                dev.akguard.core.report.TextReporter.describe(inBinary.get(0), false)
                        .contains("byte offset " + offset),
                dev.akguard.core.report.TextReporter.describe(inBinary.get(0), false));
        assertFalse(
                dev.akguard.core.report.JsonReporter.toJson(
                                Engine.defaults().scan(pairText, "a.py").get(0), false)
                        .has("byteOffset"),
                "text files are located by line and column alone");
        byte[] utf16 = ("\uFEFF" + pairText).getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        List<Finding> f = Engine.defaults().scan(utf16, "x.txt");
        assertEquals(1, f.size());
        assertEquals(2, f.get(0).secretPosition().line());
    }
}
