package dev.akguard.cli.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.akguard.cli.AkguardCommand;
import dev.akguard.testkit.corpus.FakeKeys;
import dev.akguard.testkit.github.EmulatedRepo;
import dev.akguard.testkit.github.GitHubEmulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * `akguard monitor watch|alerts|show|handle|unwhitelist` end to end: emulator, SQLite file, real
 * command line.
 */
class MonitorCliTest {

    private static final Set<String> ALERT_FIELDS =
            Set.of(
                    "id",
                    "accessKeyId",
                    "secretRedacted",
                    "status",
                    "handlingMethod",
                    "validity",
                    "accountId",
                    "firstSeen",
                    "lastSeen",
                    "occurrences",
                    "history");

    @TempDir Path dir;
    private GitHubEmulator gh;
    private String db;
    private final Random random = new Random(3);
    private final String id = FakeKeys.accessKeyId(random);
    private final String secret = FakeKeys.secret(random);
    private final List<String> outputs = new ArrayList<>();

    record Result(int code, String out, String err) {}

    @BeforeEach
    void start() throws Exception {
        gh = GitHubEmulator.start();
        db = "jdbc:sqlite:" + dir.resolve("state/monitor.db");
    }

    @AfterEach
    void stop() {
        gh.close();
        for (String o : outputs)
            assertFalse(o.contains(secret), "the plaintext secret never reaches the output");
    }

    private Result run(String... args) {
        CommandLine cl = AkguardCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        outputs.add(out.toString());
        outputs.add(err.toString());
        return new Result(code, out.toString(), err.toString());
    }

    private EmulatedRepo.PushResult leak(String repo) {
        return gh.createRepo(repo)
                .change()
                .author("mallory")
                .put(
                        "src/main/resources/application.properties",
                        "server.port=8080\naliyun.access-key-id="
                                + id
                                + "\naliyun.access-key-secret="
                                + secret
                                + "\n")
                .push();
    }

    @Test
    void aFileBeyondTheSizeLimitIsListedAsNotScannedByAlertsShowAndNotScanned() throws Exception {
        Path config = dir.resolve("monitor.json");
        Files.writeString(config, "{\"watch\": {\"maxFileBytes\": 4096}}");
        gh.setMaxPatchBytes(100);
        StringBuilder big =
                new StringBuilder(
                        "aliyun.access-key-id="
                                + id
                                + "\naliyun.access-key-secret="
                                + secret
                                + "\n");
        while (big.length() < 20_000) big.append("filler.").append(big.length()).append("=x\n");
        EmulatedRepo.PushResult push =
                gh.createRepo("acme/dump").change().put("dump.properties", big.toString()).push();
        Result watch =
                run(
                        "monitor",
                        "watch",
                        "--once",
                        "--no-verify",
                        "--public-events",
                        "--config",
                        config.toString(),
                        "--db",
                        db,
                        "--github-api",
                        gh.baseUrl());
        assertEquals(0, watch.code(), watch.err());

        Result table = run("monitor", "alerts", "--db", db);
        assertTrue(
                table.out()
                        .contains("1 published file(s) or repositories were not (fully) scanned"),
                table.out());
        Result json = run("monitor", "alerts", "--format", "json", "--db", db);
        JsonObject notScanned =
                JsonParser.parseString(json.out())
                        .getAsJsonArray()
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonArray("notScanned")
                        .get(0)
                        .getAsJsonObject();
        assertEquals("dump.properties", notScanned.get("path").getAsString());
        assertEquals(push.head(), notScanned.get("commit").getAsString());
        Result list = run("monitor", "not-scanned", "--format", "json", "--db", db);
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("not scanned beyond the first 4096 bytes"), list.out());
        assertTrue(
                run("monitor", "show", "1", "--db", db)
                        .out()
                        .contains("Not scanned in the same repositories (1)"));
        Result badConfig =
                run(
                        "monitor",
                        "watch",
                        "--once",
                        "--public-events",
                        "--db",
                        db,
                        "--github-api",
                        gh.baseUrl(),
                        "--config",
                        Files.writeString(
                                        dir.resolve("bad.json"),
                                        "{\"watch\": {\"clone\": {\"maxByte\": 1}}}")
                                .toString());
        assertEquals(2, badConfig.code());
        assertTrue(badConfig.err().contains("clone.maxByte"), badConfig.err());
    }

    @Test
    void watchOnceThenListShowHandleAndUnwhitelist() {
        EmulatedRepo.PushResult push = leak("acme/shop");
        Result watch =
                run(
                        "monitor",
                        "watch",
                        "--once",
                        "--no-verify",
                        "--public-events",
                        "--db",
                        db,
                        "--github-api",
                        gh.baseUrl());
        assertEquals(0, watch.code(), watch.err());
        assertTrue(watch.out().contains("1 new alert(s)"), watch.out());
        assertTrue(
                Files.exists(dir.resolve("state/monitor.db")),
                "SQLite file and its folder created");

        Result json = run("monitor", "alerts", "--format", "json", "--db", db);
        assertEquals(0, json.code(), json.err());
        JsonArray alerts = JsonParser.parseString(json.out()).getAsJsonArray();
        assertEquals(1, alerts.size());
        JsonObject a = alerts.get(0).getAsJsonObject();
        assertTrue(a.keySet().containsAll(ALERT_FIELDS), a.keySet().toString());
        assertEquals(id, a.get("accessKeyId").getAsString());
        assertEquals(secret.substring(0, 3) + "…", a.get("secretRedacted").getAsString());
        assertEquals("unhandled", a.get("status").getAsString());
        assertTrue(a.get("handlingMethod").isJsonNull());
        assertEquals("UNVERIFIED", a.get("validity").getAsString());
        JsonObject occ = a.getAsJsonArray("occurrences").get(0).getAsJsonObject();
        assertEquals("acme/shop", occ.get("repo").getAsString());
        assertEquals("src/main/resources/application.properties", occ.get("path").getAsString());
        assertEquals(2, occ.get("line").getAsInt());
        assertEquals(push.head(), occ.get("commit").getAsString());
        assertEquals("mallory", occ.get("author").getAsString());
        assertTrue(occ.get("url").getAsString().endsWith("#L2"));
        assertTrue(occ.has("seenAt"));
        JsonObject created = a.getAsJsonArray("history").get(0).getAsJsonObject();
        assertEquals(Set.of("at", "by", "action", "note"), created.keySet());
        long alertId = a.get("id").getAsLong();

        Result table = run("monitor", "alerts", "--db", db);
        assertTrue(table.out().startsWith("ID"), table.out());
        assertTrue(
                table.out().contains(id)
                        && table.out().contains("unhandled")
                        && table.out().contains("acme/shop/"),
                table.out());

        Result show =
                run("monitor", "show", Long.toString(alertId), "--format", "json", "--db", db);
        assertEquals(
                alertId,
                JsonParser.parseString(show.out())
                        .getAsJsonArray()
                        .get(0)
                        .getAsJsonObject()
                        .get("id")
                        .getAsLong());
        Result showTable = run("monitor", "show", Long.toString(alertId), "--db", db);
        assertTrue(
                showTable.out().contains("Occurrences (1)") && showTable.out().contains("History"),
                showTable.out());

        Result wl =
                run(
                        "monitor",
                        "handle",
                        Long.toString(alertId),
                        "--method",
                        "whitelist",
                        "--note",
                        "sample key in docs",
                        "--by",
                        "carol",
                        "--db",
                        db);
        assertEquals(0, wl.code(), wl.err());
        assertTrue(wl.out().contains("whitelisted"), wl.out());
        JsonObject whitelisted =
                JsonParser.parseString(
                                run(
                                                "monitor",
                                                "alerts",
                                                "--status",
                                                "whitelisted",
                                                "--format",
                                                "json",
                                                "--db",
                                                db)
                                        .out())
                        .getAsJsonArray()
                        .get(0)
                        .getAsJsonObject();
        assertEquals("whitelist", whitelisted.get("handlingMethod").getAsString());
        JsonObject entry = whitelisted.getAsJsonArray("history").get(1).getAsJsonObject();
        assertEquals("carol", entry.get("by").getAsString());
        assertEquals("whitelisted", entry.get("action").getAsString());
        assertEquals("sample key in docs", entry.get("note").getAsString());
        assertEquals(
                0,
                JsonParser.parseString(
                                run(
                                                "monitor",
                                                "alerts",
                                                "--status",
                                                "unhandled",
                                                "--format",
                                                "json",
                                                "--db",
                                                db)
                                        .out())
                        .getAsJsonArray()
                        .size());

        Result blocked =
                run("monitor", "handle", Long.toString(alertId), "--method", "deleted", "--db", db);
        assertEquals(2, blocked.code());
        assertTrue(blocked.err().contains("unwhitelist"), blocked.err());

        Result un = run("monitor", "unwhitelist", Long.toString(alertId), "--db", db);
        assertEquals(0, un.code(), un.err());
        JsonObject back =
                JsonParser.parseString(
                                run(
                                                "monitor",
                                                "show",
                                                Long.toString(alertId),
                                                "--format",
                                                "json",
                                                "--db",
                                                db)
                                        .out())
                        .getAsJsonArray()
                        .get(0)
                        .getAsJsonObject();
        assertEquals("unhandled", back.get("status").getAsString());
        assertEquals(
                System.getProperty("user.name"),
                back.getAsJsonArray("history").get(2).getAsJsonObject().get("by").getAsString());

        Result handled =
                run(
                        "monitor",
                        "handle",
                        Long.toString(alertId),
                        "--method",
                        "disabled",
                        "--db",
                        db);
        assertEquals(0, handled.code(), handled.err());
        assertTrue(handled.out().contains("Manually Disabled AccessKey Pair"), handled.out());
    }

    @Test
    void configFileSourcesAndEnterpriseBaseUrl() throws Exception {
        leak("corp/infra");
        Path config = dir.resolve("monitor.json");
        Path typo = dir.resolve("typo.json");
        Files.writeString(typo, "{\"watch\": {\"org\": [\"corp\"]}}");
        Result refused =
                run(
                        "monitor",
                        "watch",
                        "--once",
                        "--no-verify",
                        "--config",
                        typo.toString(),
                        "--db",
                        db,
                        "--github-api",
                        gh.enterpriseBaseUrl());
        assertEquals(2, refused.code());
        assertTrue(
                refused.err().contains(typo.toString()) && refused.err().contains("'watch.org'"),
                "file and key named: " + refused.err());
        Files.writeString(
                config,
                "{\"watch\": {\"repos\": [\"corp/infra\"], \"minPollIntervalSeconds\": 30}, \"calls\": {}}");
        Result watch =
                run(
                        "monitor",
                        "watch",
                        "--once",
                        "--no-verify",
                        "--config",
                        config.toString(),
                        "--db",
                        db,
                        "--github-api",
                        gh.enterpriseBaseUrl());
        assertEquals(0, watch.code(), watch.err());
        assertTrue(watch.out().contains("1 new alert(s)"), watch.out());
        assertEquals(1, gh.requests("/repos/corp/infra/events").size());
    }

    @Test
    void mistakesGetClearMessagesAndExitCodeTwo() throws Exception {
        Result none = run("monitor", "watch", "--once", "--db", db, "--github-api", gh.baseUrl());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("nothing to watch"), none.err());

        Result badMethod = run("monitor", "handle", "1", "--method", "burn", "--db", db);
        assertEquals(2, badMethod.code());
        assertTrue(badMethod.err().contains("deleted, disabled or whitelist"), badMethod.err());

        Result missing = run("monitor", "show", "42", "--db", db);
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("No alert with id 42"), missing.err());

        Result badStatus = run("monitor", "alerts", "--status", "open", "--db", db);
        assertEquals(2, badStatus.code());
        assertTrue(
                badStatus.err().contains("unhandled, handled, whitelisted or all"),
                badStatus.err());

        Result badDb = run("monitor", "alerts", "--db", "jdbc:oracle:thin:@x");
        assertEquals(2, badDb.code());
        assertTrue(badDb.err().contains("jdbc:sqlite:"), badDb.err());

        Result badRepo =
                run(
                        "monitor",
                        "watch",
                        "--once",
                        "--repo",
                        "just-a-name",
                        "--db",
                        db,
                        "--github-api",
                        gh.baseUrl());
        assertEquals(2, badRepo.code());
        assertTrue(badRepo.err().contains("OWNER/NAME"), badRepo.err());

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"watch\": [");
        Result badConfig =
                run("monitor", "watch", "--once", "--config", broken.toString(), "--db", db);
        assertEquals(2, badConfig.code());
        assertTrue(badConfig.err().contains("not valid JSON"), badConfig.err());

        Result plainHttp =
                run(
                        "monitor",
                        "watch",
                        "--once",
                        "--public-events",
                        "--db",
                        db,
                        "--github-api",
                        "http://github.example.com");
        assertEquals(2, plainHttp.code());
        assertTrue(plainHttp.err().contains("https"), plainHttp.err());
        for (Result r :
                List.of(
                        none, badMethod, missing, badStatus, badDb, badRepo, badConfig,
                        plainHttp)) {
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            assertFalse(r.err().contains("internal error"), r.err());
        }
    }
}
