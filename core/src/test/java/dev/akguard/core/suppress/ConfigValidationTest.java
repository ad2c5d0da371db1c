package dev.akguard.core.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.akguard.core.finding.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every key of .akguard.json and of the baseline is type-checked; a mistake is a clear
 * ConfigException, never a silent default.
 */
class ConfigValidationTest {

    private static ConfigException rejects(String json) {
        return assertThrows(ConfigException.class, () -> Config.parse(json, "proj/.akguard.json"));
    }

    @Test
    void enabledMustBeABoolean() {
        for (String v : List.of("\"yes\"", "1", "0", "\"false\"", "[]", "{}")) {
            ConfigException e =
                    rejects("{\"rules\":{\"alibaba-access-key-pair\":{\"enabled\":" + v + "}}}");
            assertTrue(e.getMessage().startsWith("proj/.akguard.json: "), e.getMessage());
            assertTrue(
                    e.getMessage()
                            .contains(
                                    "'rules.alibaba-access-key-pair.enabled' must be true or false"),
                    e.getMessage());
        }
        assertTrue(
                Config.parse("{\"rules\":{\"alibaba-access-key-pair\":{\"enabled\":true}}}", "x")
                        .enabled(Rule.ACCESS_KEY_PAIR));
        assertFalse(
                Config.parse("{\"rules\":{\"alibaba-access-key-pair\":{\"enabled\":false}}}", "x")
                        .enabled(Rule.ACCESS_KEY_PAIR));
    }

    @Test
    void wronglyTypedValuesNameTheKey() {
        assertTrue(
                rejects("{\"exclude\":[{}]}")
                        .getMessage()
                        .contains("'exclude[0]' must be a string, not an object"));
        assertTrue(
                rejects("{\"exclude\":[null]}")
                        .getMessage()
                        .contains("'exclude[0]' must be a string, not null"));
        assertTrue(rejects("{\"maxFileSize\":[]}").getMessage().contains("'maxFileSize'"));
        assertTrue(
                rejects("{\"rules\":{\"alibaba-access-key-id\":{\"severity\":[]}}}")
                        .getMessage()
                        .contains("'rules.alibaba-access-key-id.severity' must be a string"));
        assertTrue(
                rejects("{\"pairing\":{\"windowBytes\":\"abc\"}}")
                        .getMessage()
                        .contains("'pairing.windowBytes' must be a whole number"));
        assertTrue(
                rejects("{\"allow\":{\"accessKeyIds\":\"LTAI\"}}")
                        .getMessage()
                        .contains("'allow.accessKeyIds' must be an array of strings"));
    }

    @Test
    void numbersAreBounded() {
        String e = rejects("{\"pairing\":{\"windowBytes\":4294967296}}").getMessage();
        assertTrue(
                e.contains(
                        "'pairing.windowBytes' must be a whole number from 64 to "
                                + Config.MAX_WINDOW_BYTES),
                e);
        rejects("{\"pairing\":{\"windowLines\":-1}}");
        rejects("{\"pairing\":{\"windowLines\":1.5}}");
        rejects("{\"maxFileSize\":\"99999999999999g\"}");
        assertEquals(
                200,
                Config.parse("{\"pairing\":{\"windowLines\":200}}", "x")
                        .detectorOptions()
                        .windowLines());
        assertEquals(1000, Config.parse("{\"maxFileSize\":1000}", "x").maxFileSize());
    }

    @Test
    void unknownKeysAreRejectedEverywhere() {
        assertTrue(
                rejects("{\"excludes\":[\"a\"]}").getMessage().contains("unknown key 'excludes'"));
        assertTrue(
                rejects("{\"allow\":{\"ids\":[]}}")
                        .getMessage()
                        .contains("unknown key 'allow.ids'"));
        assertTrue(
                rejects("{\"rules\":{\"alibaba-access-key-pair\":{\"enable\":false}}}")
                        .getMessage()
                        .contains("unknown key 'rules.alibaba-access-key-pair.enable'"));
        assertTrue(
                rejects("{\"pairing\":{\"lines\":3}}")
                        .getMessage()
                        .contains("unknown key 'pairing.lines'"));
    }

    @Test
    void messagesNeverCarryRawControlCharacters() {
        String e = rejects("{\"rules\":{\"\\u001b[2Jx\":{}}}").getMessage();
        assertFalse(e.contains("\u001b"), e);
        assertTrue(e.contains("\\e[2Jx"), e);
    }

    // ---- fuzz: random JSON of wrong types never escapes as anything but a ConfigException ----

    private static final String[] CONFIG_KEYS = {
        "exclude",
        "allow",
        "rules",
        "maxFileSize",
        "pairing",
        "accessKeyIds",
        "patterns",
        "alibaba-access-key-pair",
        "alibaba-access-key-id",
        "severity",
        "enabled",
        "windowLines",
        "windowBytes",
        "x"
    };

    private static JsonElement randomValue(Random r, int depth, String[] keys) {
        switch (r.nextInt(depth > 3 ? 6 : 8)) {
            case 0:
                return JsonNull.INSTANCE;
            case 1:
                return new JsonPrimitive(r.nextBoolean());
            case 2:
                return new JsonPrimitive(r.nextInt(5) == 0 ? r.nextLong() : r.nextInt(200) - 50);
            case 3:
                return new JsonPrimitive(r.nextDouble() * 1e12);
            case 4:
                return new JsonPrimitive(
                        List.of("yes", "off", "note", "10m", "(", "", "\u001b]0;t\u0007", "vendor/")
                                .get(r.nextInt(8)));
            case 5:
                return new JsonPrimitive("1e400");
            case 6:
                {
                    JsonArray a = new JsonArray();
                    for (int i = r.nextInt(4); i > 0; i--) a.add(randomValue(r, depth + 1, keys));
                    return a;
                }
            default:
                return randomObject(r, depth + 1, keys);
        }
    }

    private static JsonObject randomObject(Random r, int depth, String[] keys) {
        JsonObject o = new JsonObject();
        for (int i = r.nextInt(4); i > 0; i--)
            o.add(keys[r.nextInt(keys.length)], randomValue(r, depth, keys));
        return o;
    }

    @Test
    void fuzzedConfigsGiveConfigExceptionsOnly() {
        Random r = new Random(20261205);
        int accepted = 0, rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            String json = randomObject(r, 0, CONFIG_KEYS).toString();
            try {
                Config.parse(json, "fuzz.json");
                accepted++;
            } catch (ConfigException e) {
                assertTrue(
                        e.getMessage().startsWith("fuzz.json: "),
                        () -> json + " -> " + e.getMessage());
                assertFalse(
                        e.getMessage().chars().anyMatch(c -> c < 0x20),
                        () -> "raw control character in: " + e.getMessage());
                rejected++;
            } catch (RuntimeException e) {
                throw new AssertionError("config " + json + " gave " + e, e);
            }
        }
        assertTrue(
                accepted > 100 && rejected > 100,
                "fuzzer explores both outcomes: " + accepted + "/" + rejected);
    }

    private static final String[] BASELINE_KEYS = {
        "findings",
        "version",
        "fingerprint",
        "rule",
        "line",
        "note",
        "path",
        "accessKeyIdMasked",
        "secretRedacted",
        "addedAt"
    };

    @Test
    void fuzzedBaselinesGiveConfigExceptionsOnly(@TempDir Path dir) throws Exception {
        Random r = new Random(7);
        Path file = dir.resolve(Baseline.FILE_NAME);
        int accepted = 0, rejected = 0;
        for (int i = 0; i < 5_000; i++) {
            JsonObject root = randomObject(r, 0, BASELINE_KEYS);
            if (r.nextBoolean()) {
                JsonArray findings = new JsonArray();
                for (int k = r.nextInt(3); k > 0; k--)
                    findings.add(
                            r.nextInt(4) == 0
                                    ? randomValue(r, 1, BASELINE_KEYS)
                                    : randomObject(r, 1, BASELINE_KEYS));
                root.add("findings", findings);
            }
            String json = root.toString();
            Files.writeString(file, json);
            try {
                Baseline.load(file);
                accepted++;
            } catch (ConfigException e) {
                assertTrue(e.getMessage().startsWith("baseline " + file), e.getMessage());
                assertTrue(e.getMessage().contains("akguard baseline create"), e.getMessage());
                rejected++;
            } catch (RuntimeException e) {
                throw new AssertionError("baseline " + json + " gave " + e, e);
            }
        }
        assertTrue(
                accepted > 50 && rejected > 50,
                "fuzzer explores both outcomes: " + accepted + "/" + rejected);
    }

    @Test
    void corruptBaselinesAreClearErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(Baseline.FILE_NAME);
        Files.writeString(file, "{\"findings\": 5}");
        assertTrue(
                assertThrows(ConfigException.class, () -> Baseline.load(file))
                        .getMessage()
                        .contains("'findings' must be an array of objects"));
        Files.writeString(file, "{\"findings\": [null]}");
        assertTrue(
                assertThrows(ConfigException.class, () -> Baseline.load(file))
                        .getMessage()
                        .contains("'findings[0]' must be an object"));
        Files.writeString(file, "{\"findings\": [{\"rule\": \"x\"}]}");
        assertTrue(
                assertThrows(ConfigException.class, () -> Baseline.load(file))
                        .getMessage()
                        .contains("'findings[0].fingerprint' is missing"));
    }
}
