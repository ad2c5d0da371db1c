package dev.akguard.cli.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.akguard.cli.AkguardCommand;
import dev.akguard.testkit.alibaba.AlibabaCloudEmulator;
import dev.akguard.testkit.alibaba.EmulatedAccount;
import dev.akguard.testkit.alibaba.EmulatedKey;
import dev.akguard.testkit.alibaba.TrailEvent;
import dev.akguard.testkit.corpus.FakeKeys;
import dev.akguard.testkit.fixtures.WebhookReceiver;
import dev.akguard.testkit.github.Fault;
import dev.akguard.testkit.github.GitHubEmulator;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issues 6 and 7 end to end through the real command line, in-process: a leak pushed to the GitHub
 * emulator is found by `watch --once`, verified against the Alibaba Cloud emulator with the
 * official SDK, its calls fetched from the emulator's ActionTrail, anomalies raised, and
 * notifications delivered to an embedded SMTP server (GreenMail), a loopback webhook (signature
 * checked) and the inbox. Then `handle --apply` disables / deletes the key through RAM and `verify`
 * proves it.
 */
class LeakLifecycleCliTest {
    private static final Random RANDOM = new Random(7);
    private static final String SMTP_PASSWORD = FakeKeys.secret(RANDOM).substring(0, 16);
    private static final String HOOK_SECRET = FakeKeys.secret(RANDOM);
    private static final String THREAT_IP = "198.51.100.23";

    @RegisterExtension
    static final GreenMailExtension MAIL =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(
                            GreenMailConfiguration.aConfig()
                                    .withUser("akguard@example.com", "akguard", SMTP_PASSWORD));

    @TempDir Path dir;
    private GitHubEmulator gh;
    private AlibabaCloudEmulator ali;
    private WebhookReceiver hook;
    private EmulatedAccount account;
    private EmulatedKey leaked;
    private String db;
    private Path config;
    private String savedHome;
    private final List<String> outputs = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    record Result(int code, String out, String err) {}

    @BeforeEach
    void start() throws Exception {
        gh = GitHubEmulator.start();
        ali = AlibabaCloudEmulator.start();
        ali.trail().noRateLimit();
        hook = new WebhookReceiver();
        account = ali.addAccount();
        EmulatedKey admin = account.addUser("security-admin").addKey();
        leaked = account.addUser("app-deployer").addKey();
        secrets.add(leaked.secret());
        secrets.add(admin.secret());
        db = "jdbc:sqlite:" + dir.resolve("monitor.db");
        // The team's admin credentials, from the first link of the SDK's credentials chain (system
        // properties; the
        // credentials file under $HOME is covered in its own process by MonitorDatabaseCliTest).
        savedHome = System.getProperty("user.home");
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        System.setProperty("user.home", home.toString());
        System.setProperty("alibabacloud.accessKeyId", admin.id());
        System.setProperty("alibabacloud.accessKeySecret", admin.secret());
        Files.writeString(dir.resolve("threats.txt"), "# known scanners\n198.51.100.0/24\n");
        config = dir.resolve("monitor.json");
        Files.writeString(
                config,
                """
                {"calls": {"regions": ["cn-hangzhou"], "refreshMinutes": 0},
                 "anomalies": {"threatIp": {"listFile": "threats.txt"}}}
                """);
        Path notify = dir.resolve("notify.json");
        Files.writeString(
                notify,
                """
                {"policy": "VALID_ONLY",
                 "email": {"enabled": true, "host": "127.0.0.1", "port": %d, "starttls": "OPTIONAL", "username": "akguard",
                           "password": "%s", "from": "akguard@example.com", "recipients": ["security@example.com"], "timeoutSeconds": 5},
                 "webhooks": [{"name": "ops", "format": "GENERIC", "url": "%s", "secret": "%s", "timeoutSeconds": 5}]}
                """
                        .formatted(
                                MAIL.getSmtp().getPort(), SMTP_PASSWORD, hook.url(), HOOK_SECRET));
        Result set = run("monitor", "notify", "set", "--from-file", notify.toString(), "--db", db);
        assertEquals(0, set.code(), set.err());
    }

    @AfterEach
    void stop() {
        System.setProperty("user.home", savedHome);
        System.clearProperty("alibabacloud.accessKeyId");
        System.clearProperty("alibabacloud.accessKeySecret");
        gh.close();
        ali.close();
        hook.close();
        for (String o : outputs) {
            for (String s : secrets) assertFalse(o.contains(s), "a secret reached the output");
            assertFalse(
                    o.contains(SMTP_PASSWORD) || o.contains(HOOK_SECRET),
                    "a channel secret reached the output");
            assertFalse(o.contains("\tat "), "no stack trace: " + o);
        }
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

    private Result monitor(String... args) {
        List<String> all = new ArrayList<>(List.of("monitor"));
        all.addAll(List.of(args));
        all.addAll(
                List.of(
                        "--db",
                        db,
                        "--github-api",
                        gh.baseUrl(),
                        "--alibaba-endpoint",
                        ali.url(),
                        "--config",
                        config.toString()));
        return run(all.toArray(String[]::new));
    }

    private void push(String repo, String keyId, String secret) {
        gh.createRepo(repo)
                .change()
                .author("mallory")
                .put(
                        "deploy/config.yaml",
                        "region: cn-hangzhou\naccessKeyId: "
                                + keyId
                                + "\naccessKeySecret: "
                                + secret
                                + "\n")
                .push();
    }

    private JsonObject onlyAlert() {
        Result r = monitor("alerts", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonArray arr = JsonParser.parseString(r.out()).getAsJsonArray();
        assertEquals(1, arr.size(), r.out());
        return arr.get(0).getAsJsonObject();
    }

    private static Set<String> actions(JsonObject alert) {
        Set<String> out = new TreeSet<>();
        for (JsonElement h : alert.getAsJsonArray("history"))
            out.add(h.getAsJsonObject().get("action").getAsString());
        return out;
    }

    @Test
    void leakIsVerifiedItsCallsFetchedAnomaliesRaisedAndEveryChannelNotified() throws Exception {
        Instant now = Instant.now();
        ali.trail()
                .add(
                        TrailEvent.of(
                                leaked, "DescribeInstances", now.minus(Duration.ofMinutes(40))),
                        TrailEvent.of(leaked, "CreateUser", now.minus(Duration.ofMinutes(20)))
                                .with("serviceName", "Ram")
                                .with("eventSource", "ram.aliyuncs.com")
                                .with("sourceIpAddress", THREAT_IP));
        push("acme/shop", leaked.id(), leaked.secret());

        Result watch = monitor("watch", "--once", "--public-events");
        assertEquals(0, watch.code(), watch.err());
        assertTrue(watch.out().contains("1 new alert(s)"), watch.out());
        assertTrue(watch.out().contains("verified 1 new alert(s)"), watch.out());

        JsonObject alert = onlyAlert();
        assertEquals("VALID", alert.get("validity").getAsString());
        assertEquals(account.id(), alert.get("accountId").getAsString());
        assertTrue(alert.get("arn").getAsString().contains("app-deployer"), alert.toString());
        assertTrue(actions(alert).contains("verified"), alert.toString());
        long alertId = alert.get("id").getAsLong();

        // the calls, as the user sees them
        Result calls = monitor("calls", leaked.id(), "--from", "2h", "--format", "json");
        assertEquals(0, calls.code(), calls.err());
        JsonArray callArr = JsonParser.parseString(calls.out()).getAsJsonArray();
        assertEquals(2, callArr.size(), calls.out());
        JsonObject newest = callArr.get(0).getAsJsonObject();
        for (String f :
                List.of(
                        "eventTime",
                        "eventName",
                        "serviceName",
                        "sourceIpAddress",
                        "acsRegion",
                        "eventRW",
                        "errorCode",
                        "userAgent",
                        "userName")) {
            assertTrue(newest.has(f), "calls JSON has " + f);
        }
        assertEquals("CreateUser", newest.get("eventName").getAsString());
        assertEquals(THREAT_IP, newest.get("sourceIpAddress").getAsString());
        Result callTable = monitor("calls", leaked.id(), "--from", "2h");
        assertTrue(
                callTable.out().contains("Summary")
                        && callTable.out().contains("CreateUser (1)")
                        && callTable.out().contains(THREAT_IP + " (1)")
                        && callTable.out().contains("cn-hangzhou (2)"),
                callTable.out());

        // anomalies raised by the watch cycle, each an alert of its own
        JsonArray anomalies =
                JsonParser.parseString(monitor("anomalies", "--format", "json").out())
                        .getAsJsonArray();
        Set<String> types = new TreeSet<>();
        for (JsonElement e : anomalies) {
            JsonObject a = e.getAsJsonObject();
            types.add(a.get("type").getAsString());
            assertEquals(leaked.id(), a.get("accessKeyId").getAsString());
            assertEquals(alertId, a.get("alertId").getAsLong());
            assertEquals("unhandled", a.get("status").getAsString());
            assertFalse(a.getAsJsonArray("evidence").isEmpty(), a.toString());
            assertTrue(a.has("at") && a.has("detail"));
        }
        assertTrue(types.containsAll(Set.of("sensitive-api", "threat-ip")), types.toString());
        assertFalse(types.contains("leaked-key-used"), "both calls predate the leak being seen");
        assertEquals(
                anomalies.size(),
                onlyAlert().getAsJsonArray("anomalyIds").size(),
                "show/alerts link the alert's anomalies");
        assertTrue(
                monitor("show", Long.toString(alertId))
                        .out()
                        .contains("Anomalies        " + anomalies.size()));
        JsonObject threat = find(anomalies, "threat-ip");
        assertTrue(
                threat.getAsJsonArray("evidence").get(0).getAsString().contains(THREAT_IP),
                threat.toString());

        // notifications: one leak + one per anomaly, on every channel
        int expected = 1 + anomalies.size();
        MimeMessage[] mails = MAIL.getReceivedMessages();
        assertEquals(expected, mails.length);
        List<String> subjects = new ArrayList<>();
        for (MimeMessage m : mails) {
            subjects.add(m.getSubject());
            String body = GreenMailUtil.getBody(m);
            assertFalse(body.contains(leaked.secret()));
            assertEquals("security@example.com", m.getAllRecipients()[0].toString());
        }
        assertTrue(
                subjects.stream()
                        .anyMatch(
                                s ->
                                        s.contains("AccessKey leak")
                                                && s.contains(leaked.id())
                                                && s.contains("VALID")),
                subjects.toString());
        assertTrue(
                subjects.stream().anyMatch(s -> s.contains("Sensitive API")), subjects.toString());
        List<WebhookReceiver.Request> posts = hook.requests();
        assertEquals(expected, posts.size());
        for (WebhookReceiver.Request p : posts) {
            assertTrue(p.signatureValid(HOOK_SECRET), "valid HMAC signature");
            assertFalse(p.bodyText().contains(leaked.secret()));
        }
        assertEquals(
                expected,
                posts.stream().map(p -> p.header("X-Akguard-Delivery")).distinct().count(),
                "one delivery id each");
        JsonArray inbox =
                JsonParser.parseString(monitor("inbox", "--format", "json").out()).getAsJsonArray();
        assertEquals(expected, inbox.size());
        for (JsonElement e : inbox) {
            JsonObject m = e.getAsJsonObject();
            assertEquals(Set.of("at", "alertId", "title", "body"), m.keySet());
            assertEquals(alertId, m.get("alertId").getAsLong());
        }

        // a later call with the leaked key: the next cycle fetches it and raises leaked-key-used,
        // once
        Thread.sleep(1100);
        ali.trail()
                .add(
                        TrailEvent.of(leaked, "ListBuckets", Instant.now())
                                .with("serviceName", "Oss"));
        Thread.sleep(1100);
        Result again = monitor("watch", "--once", "--public-events");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("1 new anomaly"), again.out());
        JsonArray after =
                JsonParser.parseString(monitor("anomalies", "--format", "json").out())
                        .getAsJsonArray();
        assertEquals(anomalies.size() + 1, after.size());
        assertNotNull(find(after, "leaked-key-used"));
        assertEquals(expected + 1, MAIL.getReceivedMessages().length);
        Result third = monitor("watch", "--once", "--public-events");
        assertTrue(
                third.out().contains("0 new anomalies"),
                "re-running the rules raises nothing twice: " + third.out());

        // an anomaly has the handling states of an alert
        long anomalyId = find(after, "leaked-key-used").get("id").getAsLong();
        Result wl =
                monitor(
                        "anomalies",
                        "handle",
                        Long.toString(anomalyId),
                        "--method",
                        "whitelist",
                        "--note",
                        "our smoke test");
        assertEquals(0, wl.code(), wl.err());
        JsonObject handled =
                find(
                        JsonParser.parseString(monitor("anomalies", "--format", "json").out())
                                .getAsJsonArray(),
                        "leaked-key-used");
        assertEquals("whitelisted", handled.get("status").getAsString());
        assertEquals(0, monitor("anomalies", "unwhitelist", Long.toString(anomalyId)).code());
        Result table = monitor("anomalies", "--since", "1d");
        assertTrue(
                table.out().contains("threat-ip") && table.out().contains("sensitive-api"),
                table.out());

        // the store never holds the plaintext secret (database file and its write-ahead log)
        StringBuilder stored = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f :
                    files.filter(p -> p.getFileName().toString().startsWith("monitor.db"))
                            .toList()) {
                stored.append(
                        new String(
                                Files.readAllBytes(f),
                                java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(stored.indexOf(leaked.id()) >= 0, "sanity: the store's files were read");
        assertTrue(stored.indexOf(leaked.secret()) < 0, "the store holds the plaintext secret");
    }

    private static JsonObject find(JsonArray anomalies, String type) {
        for (JsonElement e : anomalies)
            if (e.getAsJsonObject().get("type").getAsString().equals(type))
                return e.getAsJsonObject();
        return null;
    }

    @Test
    void anInvalidLeakIsRecordedButNotifiesNoOne() throws Exception {
        String unknownId = FakeKeys.accessKeyId(RANDOM);
        String secret = FakeKeys.secret(RANDOM);
        secrets.add(secret);
        push("acme/docs", unknownId, secret);
        Result watch = monitor("watch", "--once", "--public-events");
        assertEquals(0, watch.code(), watch.err());
        JsonObject alert = onlyAlert();
        assertEquals("INVALID", alert.get("validity").getAsString());
        assertEquals(0, MAIL.getReceivedMessages().length);
        assertTrue(hook.requests().isEmpty());
        assertEquals(
                0,
                JsonParser.parseString(monitor("inbox", "--format", "json").out())
                        .getAsJsonArray()
                        .size());
        assertTrue(
                ali.requests("LookupEvents").isEmpty(),
                "no calls are fetched for a key that does not work");

        // A real-looking ID with a secret Alibaba Cloud refuses: --apply must not act on "its" key.
        String id = alert.get("id").getAsString();
        Result refused = monitor("handle", id, "--method", "disabled", "--apply");
        assertEquals(2, refused.code(), refused.out());
        assertTrue(
                refused.err().contains("INVALID") && refused.err().contains("--force-unverified"),
                refused.err());
        assertTrue(
                ali.requests("UpdateAccessKey").isEmpty() && ali.requests("ListUsers").isEmpty(),
                "nothing asked of RAM");
        assertEquals("unhandled", onlyAlert().get("status").getAsString());
        Result deleteRefused = monitor("handle", id, "--method", "deleted", "--apply", "--yes");
        assertEquals(2, deleteRefused.code());
        assertTrue(ali.requests("DeleteAccessKey").isEmpty());
    }

    @Test
    void applyDisablesThroughRamAndVerifyShowsDisabledThenDeleteNeedsConfirmation() {
        push("acme/app", leaked.id(), leaked.secret());
        assertEquals(0, monitor("watch", "--once", "--public-events").code());
        JsonObject alert = onlyAlert();
        assertEquals("VALID", alert.get("validity").getAsString());
        String id = alert.get("id").getAsString();

        Result sync = monitor("inventory", "sync", "--format", "json");
        assertEquals(0, sync.code(), sync.err());
        assertTrue(
                sync.out().contains("app-deployer") && sync.out().contains("security-admin"),
                sync.out());
        JsonObject owner = onlyAlert().getAsJsonObject("owner");
        assertTrue(owner.get("ours").getAsBoolean());
        assertEquals("app-deployer", owner.get("userName").getAsString());
        assertTrue(monitor("show", id).out().contains("ours: RAM user app-deployer, Active"));

        Result disable =
                monitor("handle", id, "--method", "disabled", "--apply", "--note", "SEC-12");
        assertEquals(0, disable.code(), disable.err());
        assertTrue(disable.out().contains("Re-verified: DISABLED"), disable.out());
        assertFalse(
                ali.key(leaked.id()).orElseThrow().active(), "the key is Inactive in the emulator");
        assertEquals(1, ali.requests("UpdateAccessKey").size());

        Result verify = monitor("verify", id, "--format", "json");
        assertEquals(0, verify.code(), verify.err());
        assertEquals(
                "DISABLED",
                JsonParser.parseString(verify.out())
                        .getAsJsonObject()
                        .get("validity")
                        .getAsString());
        JsonObject handled = onlyAlert();
        assertEquals("handled", handled.get("status").getAsString());
        assertEquals("disabled", handled.get("handlingMethod").getAsString());
        assertEquals("DISABLED", handled.get("validity").getAsString());
        assertEquals("Inactive", handled.getAsJsonObject("owner").get("status").getAsString());
        assertTrue(
                actions(handled)
                        .containsAll(
                                Set.of("created", "verified", "ram-disabled", "handled-disabled")),
                actions(handled).toString());

        Result refused = monitor("handle", id, "--method", "deleted", "--apply");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("--yes"), refused.err());
        assertTrue(ali.key(leaked.id()).isPresent(), "nothing deleted without confirmation");

        Result delete = monitor("handle", id, "--method", "deleted", "--apply", "--yes");
        assertEquals(0, delete.code(), delete.err());
        assertTrue(ali.key(leaked.id()).isEmpty(), "the key is gone from the emulator");
        Result gone = monitor("verify", id);
        assertEquals(0, gone.code(), gone.err());
        assertTrue(gone.out().contains("INVALID"), gone.out());
        JsonObject deleted = onlyAlert();
        assertEquals("deleted", deleted.get("handlingMethod").getAsString());
        assertTrue(actions(deleted).containsAll(Set.of("ram-deleted", "handled-deleted")));
        assertTrue(
                deleted.getAsJsonObject("owner").get("ours").isJsonNull()
                        || !deleted.getAsJsonObject("owner").get("ours").getAsBoolean());
    }

    @Test
    void verifyExplainsWhenTheSourceIsGoneAndManualHandlingStillWorks() {
        push("acme/old", leaked.id(), leaked.secret());
        assertEquals(0, monitor("watch", "--once", "--public-events", "--no-verify").code());
        JsonObject alert = onlyAlert();
        assertEquals("UNVERIFIED", alert.get("validity").getAsString());
        String id = alert.get("id").getAsString();
        gh.inject(Fault.status(404).on("/repos/acme/old/contents").times(5));
        Result verify = monitor("verify", id);
        assertEquals(2, verify.code());
        assertTrue(
                verify.err()
                        .contains(
                                "the file was deleted from GitHub; the secret can no longer be re-checked; handle the alert manually"),
                verify.err());
        assertTrue(actions(onlyAlert()).contains("verify-failed"));
        Result manual =
                monitor("handle", id, "--method", "disabled", "--note", "disabled in the console");
        assertEquals(0, manual.code(), manual.err());
        assertTrue(
                ali.key(leaked.id()).orElseThrow().active(),
                "without --apply nothing is done to the key");
    }

    @Test
    void notifyShowRedactsAndNotifyTestReachesEveryChannel() {
        Result show = monitor("notify", "show");
        assertEquals(0, show.code(), show.err());
        assertTrue(
                show.out().contains("(set)") && show.out().contains("inbox, email, webhook:ops"),
                show.out());
        Result test = monitor("notify", "test");
        assertEquals(0, test.code(), test.out() + test.err());
        assertEquals(1, MAIL.getReceivedMessages().length);
        assertEquals(1, hook.requests().size());
        Result set =
                monitor(
                        "notify",
                        "set",
                        "--policy",
                        "always",
                        "--webhook",
                        "ops",
                        "--webhook-enabled",
                        "off");
        assertEquals(0, set.code(), set.err());
        assertTrue(monitor("notify", "show").out().contains("\"policy\": \"ALWAYS\""));
        Result bad =
                monitor(
                        "notify",
                        "set",
                        "--webhook",
                        "bad",
                        "--webhook-url",
                        "http://example.com/hook");
        assertEquals(2, bad.code());
        assertTrue(
                bad.err().contains("https") && bad.err().contains("Nothing was saved"), bad.err());
    }

    @Test
    void withoutAdminCredentialsTheWatchStillVerifiesAndNotifiesAndRamCommandsSayWhatIsMissing()
            throws Exception {
        Path bare = dir.resolve("bare-home");
        Files.createDirectories(bare);
        System.setProperty("user.home", bare.toString());
        System.clearProperty("alibabacloud.accessKeyId");
        System.clearProperty("alibabacloud.accessKeySecret");
        push("acme/api", leaked.id(), leaked.secret());
        Result watch = monitor("watch", "--once", "--public-events");
        assertEquals(0, watch.code(), watch.err());
        assertEquals(
                "VALID",
                onlyAlert().get("validity").getAsString(),
                "validation uses the leaked pair, not admin credentials");
        assertTrue(
                watch.err().contains("call records not refreshed")
                        && watch.err().contains("ALIBABA_CLOUD_ACCESS_KEY_ID"),
                watch.err());
        assertEquals(1, MAIL.getReceivedMessages().length, "the leak is still notified");
        Result sync = monitor("inventory", "sync");
        assertEquals(2, sync.code());
        assertTrue(sync.err().contains("No Alibaba Cloud admin credentials"), sync.err());
        assertFalse(sync.err().contains("internal error"), sync.err());
    }

    @Test
    void everyNewCommandHasHelpAndMistakesGetClearMessages() {
        for (String[] cmd :
                List.of(
                        new String[] {"verify"},
                        new String[] {"calls"},
                        new String[] {"anomalies"},
                        new String[] {"anomalies", "handle"},
                        new String[] {"notify", "set"},
                        new String[] {"notify", "show"},
                        new String[] {"notify", "test"},
                        new String[] {"inbox"},
                        new String[] {"inventory"},
                        new String[] {"inventory", "sync"},
                        new String[] {"handle"})) {
            List<String> args = new ArrayList<>(List.of("monitor"));
            args.addAll(List.of(cmd));
            args.add("--help");
            Result help = run(args.toArray(String[]::new));
            assertEquals(0, help.code(), String.join(" ", cmd) + ": " + help.err());
            assertTrue(
                    help.out().contains("--db") && help.out().contains("--alibaba-endpoint"),
                    help.out());
        }
        push("acme/wl", leaked.id(), leaked.secret());
        assertEquals(0, monitor("watch", "--once", "--public-events").code());
        String id = onlyAlert().get("id").getAsString();
        assertEquals(0, monitor("handle", id, "--method", "whitelist").code());
        Result blocked = monitor("handle", id, "--method", "disabled", "--apply");
        assertEquals(2, blocked.code());
        assertTrue(blocked.err().contains("unwhitelist"), blocked.err());
        assertTrue(ali.key(leaked.id()).orElseThrow().active(), "refused before touching the key");
        assertTrue(ali.requests("UpdateAccessKey").isEmpty());
        Result badTime = monitor("calls", leaked.id(), "--from", "yesterday");
        assertEquals(2, badTime.code());
        assertTrue(badTime.err().contains("not a time"), badTime.err());
        Result badEndpoint =
                run(
                        "monitor",
                        "verify",
                        id,
                        "--db",
                        db,
                        "--alibaba-endpoint",
                        "http://sts.example.com");
        assertEquals(2, badEndpoint.code());
        assertTrue(badEndpoint.err().contains("loopback"), badEndpoint.err());
        Result noAlert = monitor("verify", "999");
        assertEquals(2, noAlert.code());
        assertTrue(noAlert.err().contains("No alert with id 999"), noAlert.err());
    }
}
