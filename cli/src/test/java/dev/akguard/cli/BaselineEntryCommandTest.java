package dev.akguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.akguard.testkit.corpus.FakeKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `akguard baseline add|remove FINGERPRINT`: one finding at a time. */
class BaselineEntryCommandTest {
    private final Random r = new Random(8);

    @Test
    void addAcceptsOneFindingAndRemoveBringsItBack(@TempDir Path dir) throws Exception {
        String secret1 = FakeKeys.secret(r);
        Files.writeString(
                dir.resolve("a.properties"),
                "key.id=" + FakeKeys.accessKeyId(r) + "\nkey.secret=" + secret1 + "\n");
        Files.writeString(
                dir.resolve("b.properties"),
                "key.id=" + FakeKeys.accessKeyId(r) + "\nkey.secret=" + FakeKeys.secret(r) + "\n");
        JsonArray findings =
                JsonParser.parseString(
                                CliRunner.run("scan", "-q", "-f", "json", dir.toString()).out())
                        .getAsJsonArray();
        assertEquals(2, findings.size());
        String fp = findings.get(0).getAsJsonObject().get("fingerprint").getAsString();
        Path baseline = dir.resolve(".akguard-baseline.json");

        CliRunner.Run add =
                CliRunner.run(
                        "baseline",
                        "add",
                        fp,
                        "--note",
                        "test fixture, revoked",
                        "--baseline",
                        baseline.toString());
        assertEquals(0, add.exit(), add.err());
        assertTrue(add.err().contains("accepted " + fp), add.err());
        JsonArray after =
                JsonParser.parseString(
                                CliRunner.run("scan", "-q", "-f", "json", dir.toString()).out())
                        .getAsJsonArray();
        assertEquals(1, after.size(), "only the other finding is left");
        assertFalse(after.get(0).getAsJsonObject().get("fingerprint").getAsString().equals(fp));
        String file = Files.readString(baseline);
        assertTrue(file.contains("test fixture, revoked") && file.contains(fp), file);
        assertFalse(file.contains(secret1), "the baseline never holds the secret");

        // Adding again changes nothing; the note stays.
        assertEquals(
                0,
                CliRunner.run(
                                "baseline",
                                "add",
                                fp,
                                "--note",
                                "other",
                                "--baseline",
                                baseline.toString())
                        .exit());
        JsonObject root = JsonParser.parseString(Files.readString(baseline)).getAsJsonObject();
        assertEquals(1, root.getAsJsonArray("findings").size());
        assertEquals(
                "test fixture, revoked",
                root.getAsJsonArray("findings").get(0).getAsJsonObject().get("note").getAsString());

        CliRunner.Run remove =
                CliRunner.run("baseline", "remove", fp, "--baseline", baseline.toString());
        assertEquals(0, remove.exit(), remove.err());
        assertEquals(
                2,
                JsonParser.parseString(
                                CliRunner.run("scan", "-q", "-f", "json", dir.toString()).out())
                        .getAsJsonArray()
                        .size());
    }

    @Test
    void badFingerprintsAndUnknownOnesAreClearErrors(@TempDir Path dir) {
        Path baseline = dir.resolve("b.json");
        CliRunner.Run bad =
                CliRunner.run(
                        "baseline",
                        "add",
                        "LTAI-not-a-fingerprint",
                        "--baseline",
                        baseline.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("is not an akguard fingerprint"), bad.err());
        assertFalse(Files.exists(baseline), "nothing written");
        String fp = "alibaba-access-key-pair:" + "ab".repeat(32);
        CliRunner.Run missing =
                CliRunner.run("baseline", "remove", fp, "--baseline", baseline.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no baseline at"), missing.err());
        assertEquals(
                0, CliRunner.run("baseline", "add", fp, "--baseline", baseline.toString()).exit());
        CliRunner.Run unknown =
                CliRunner.run(
                        "baseline",
                        "remove",
                        "alibaba-access-key-id:" + "cd".repeat(32),
                        "--baseline",
                        baseline.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("is not in"), unknown.err());
    }
}
