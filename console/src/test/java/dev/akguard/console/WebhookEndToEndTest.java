package dev.akguard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.akguard.console.webhook.GitHubSignature;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.testkit.alibaba.EmulatedKey;
import dev.akguard.testkit.github.EmulatedRepo;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub webhooks over real HTTP into the real work queue, scanned by the watcher loop against the
 * GitHub emulator.
 */
class WebhookEndToEndTest {
    @TempDir Path dir;
    private ConsoleFixture f;

    @BeforeEach
    void start() throws Exception {
        f = ConsoleFixture.builder("jdbc:sqlite:" + dir.resolve("monitor.db")).start();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** A delivery as GitHub sends it: event, delivery id, HMAC-SHA256 of the raw body. */
    static HttpResponse<String> deliver(
            ConsoleFixture f, String event, String delivery, String body, String secret)
            throws Exception {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        return new Http(f.base)
                .postBytes(
                        "/github/webhook",
                        raw,
                        "Content-Type",
                        "application/json",
                        "X-GitHub-Event",
                        event,
                        "X-GitHub-Delivery",
                        delivery,
                        GitHubSignature.HEADER,
                        GitHubSignature.sign(secret, raw));
    }

    /**
     * The push payload GitHub sends for a push (commits list trimmed: the watcher fetches the diff
     * itself).
     */
    static String pushPayload(EmulatedRepo repo, EmulatedRepo.PushResult push, String pusher) {
        JsonObject p = new JsonObject();
        p.addProperty("ref", push.ref());
        p.addProperty("before", push.before());
        p.addProperty("after", push.head());
        p.addProperty("created", push.before().equals(EmulatedRepo.ZERO_SHA));
        p.addProperty("deleted", false);
        p.addProperty("forced", false);
        JsonObject r = new JsonObject();
        r.addProperty("full_name", repo.fullName());
        r.addProperty("default_branch", repo.defaultBranch());
        r.addProperty("private", true);
        p.add("repository", r);
        JsonObject who = new JsonObject();
        who.addProperty("name", pusher);
        p.add("pusher", who);
        return p.toString();
    }

    private long count(String sql) {
        return f.db.transactionUninterruptibly(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql);
                            ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }

    private Optional<Alert> alertFor(String keyId) {
        return new AlertStore(f.db, Clock.systemUTC())
                .list(null).stream().filter(a -> a.accessKeyId().equals(keyId)).findFirst();
    }

    static <T> T await(Duration max, java.util.function.Supplier<Optional<T>> probe)
            throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            Optional<T> v = probe.get();
            if (v.isPresent()) return v.get();
            Thread.sleep(100);
        }
        throw new AssertionError("not within " + max);
    }

    @Test
    void aSignedPushIsQueuedScannedWithinSecondsAndVerified() throws Exception {
        EmulatedKey leaked = f.account.addUser("ci").addKey();
        EmulatedRepo repo = f.gh.createRepo("acme/private-infra");
        EmulatedRepo.PushResult push =
                repo.change()
                        .author("dev1")
                        .put(
                                "deploy/.env",
                                "ALIBABA_CLOUD_ACCESS_KEY_ID="
                                        + leaked.id()
                                        + "\nALIBABA_CLOUD_ACCESS_KEY_SECRET="
                                        + leaked.secret()
                                        + "\n")
                        .push();
        HttpResponse<String> r =
                deliver(
                        f,
                        "push",
                        UUID.randomUUID().toString(),
                        pushPayload(repo, push, "dev1"),
                        ConsoleFixture.WEBHOOK_SECRET);
        assertEquals(202, r.statusCode(), r.body());
        assertEquals(
                1, JsonParser.parseString(r.body()).getAsJsonObject().get("queued").getAsInt());
        // woken by the webhook, the watcher scans at once (its idle wait is ten seconds)
        Alert a =
                await(
                        Duration.ofSeconds(8),
                        () ->
                                alertFor(leaked.id())
                                        .filter(x -> x.validity() != Validity.UNVERIFIED));
        assertEquals(Validity.VALID, a.validity());
        assertEquals("acme/private-infra", a.occurrences().get(0).repo());
        assertEquals("deploy/.env", a.occurrences().get(0).path());
    }

    @Test
    void aBadOrMissingSignatureIs401AndStoresNothing() throws Exception {
        EmulatedRepo repo = f.gh.createRepo("acme/app");
        EmulatedRepo.PushResult push = repo.change().put("README.md", "hello\n").push();
        String body = pushPayload(repo, push, "dev1");
        HttpResponse<String> wrong =
                deliver(f, "push", UUID.randomUUID().toString(), body, "not-the-secret");
        assertEquals(401, wrong.statusCode());
        assertTrue(
                JsonParser.parseString(wrong.body())
                        .getAsJsonObject()
                        .get("error")
                        .getAsString()
                        .contains("X-Hub-Signature-256"));
        HttpResponse<String> none =
                new Http(f.base)
                        .postBytes(
                                "/github/webhook",
                                body.getBytes(StandardCharsets.UTF_8),
                                "X-GitHub-Event",
                                "push",
                                "X-GitHub-Delivery",
                                "d-1");
        assertEquals(401, none.statusCode());
        // a valid signature over a different body does not carry over
        byte[] other = (body + " ").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> replayed =
                new Http(f.base)
                        .postBytes(
                                "/github/webhook",
                                other,
                                "X-GitHub-Event",
                                "push",
                                "X-GitHub-Delivery",
                                "d-2",
                                GitHubSignature.HEADER,
                                GitHubSignature.sign(
                                        ConsoleFixture.WEBHOOK_SECRET,
                                        body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(401, replayed.statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM webhook_deliveries"));
        assertEquals(0, count("SELECT COUNT(*) FROM push_queue"));
    }

    @Test
    void aRepeatedDeliveryIsProcessedOnce() throws Exception {
        EmulatedKey leaked = f.account.addUser("ci").addKey();
        EmulatedRepo repo = f.gh.createRepo("acme/dup");
        EmulatedRepo.PushResult push =
                repo.change()
                        .author("dev2")
                        .put(
                                "app.properties",
                                "ak.id=" + leaked.id() + "\nak.secret=" + leaked.secret() + "\n")
                        .push();
        String delivery = UUID.randomUUID().toString();
        String body = pushPayload(repo, push, "dev2");
        assertEquals(
                202,
                deliver(f, "push", delivery, body, ConsoleFixture.WEBHOOK_SECRET).statusCode());
        HttpResponse<String> again =
                deliver(f, "push", delivery, body, ConsoleFixture.WEBHOOK_SECRET);
        assertEquals(200, again.statusCode());
        assertEquals(
                "duplicate",
                JsonParser.parseString(again.body()).getAsJsonObject().get("status").getAsString());
        await(Duration.ofSeconds(8), () -> alertFor(leaked.id()));
        assertEquals(1, count("SELECT COUNT(*) FROM push_queue"));
        assertEquals(1, count("SELECT COUNT(*) FROM webhook_deliveries"));
        // one alert, one occurrence, one "created" history line
        Alert a = alertFor(leaked.id()).orElseThrow();
        assertEquals(1, a.occurrences().size());
        assertEquals(1, a.history().stream().filter(h -> h.action().equals("created")).count());
    }

    @Test
    void pingIsAnsweredAndEventsWithNothingToScanAreRecordedOnly() throws Exception {
        HttpResponse<String> ping =
                deliver(
                        f,
                        "ping",
                        "p-1",
                        "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}",
                        ConsoleFixture.WEBHOOK_SECRET);
        assertEquals(200, ping.statusCode());
        assertEquals(
                "ping",
                JsonParser.parseString(ping.body()).getAsJsonObject().get("status").getAsString());
        HttpResponse<String> star =
                deliver(
                        f,
                        "star",
                        "s-1",
                        "{\"action\":\"created\",\"repository\":{\"full_name\":\"acme/app\"}}",
                        ConsoleFixture.WEBHOOK_SECRET);
        assertEquals(
                "ignored",
                JsonParser.parseString(star.body()).getAsJsonObject().get("status").getAsString());
        HttpResponse<String> bad =
                deliver(f, "push", "b-1", "[1,2]", ConsoleFixture.WEBHOOK_SECRET);
        assertEquals(400, bad.statusCode());
        assertEquals(0, count("SELECT COUNT(*) FROM push_queue"));
        assertEquals(2, count("SELECT COUNT(*) FROM webhook_deliveries"));
    }

    @Test
    void aRepositoryMadePublicIsScannedWholeAndCreateEventsAreQueued() throws Exception {
        EmulatedKey leaked = f.account.addUser("ci").addKey();
        EmulatedRepo repo = f.gh.createRepo("acme/went-public");
        // The key is only in an earlier commit: the head alone would not show it.
        repo.change()
                .put("secrets.txt", leaked.id() + " " + leaked.secret() + "\n")
                .commitSilently();
        repo.change().remove("secrets.txt").put("README.md", "clean now\n").commitSilently();
        String payload =
                "{\"repository\":{\"full_name\":\"acme/went-public\",\"default_branch\":\"main\",\"private\":false},"
                        + "\"sender\":{\"login\":\"owner1\"}}";
        HttpResponse<String> r =
                deliver(
                        f,
                        "public",
                        UUID.randomUUID().toString(),
                        payload,
                        ConsoleFixture.WEBHOOK_SECRET);
        assertEquals(202, r.statusCode(), r.body());
        Alert a = await(Duration.ofSeconds(8), () -> alertFor(leaked.id()));
        assertEquals("secrets.txt", a.occurrences().get(0).path());
        for (String[] ev :
                List.of(
                        new String[] {
                            "create",
                            "{\"ref\":\"feature\",\"ref_type\":\"branch\",\"repository\":{\"full_name\":\"acme/x\"}}"
                        },
                        new String[] {
                            "repository",
                            "{\"action\":\"publicized\",\"repository\":{\"full_name\":\"acme/y\",\"default_branch\":\"main\"}}"
                        })) {
            assertEquals(
                    202,
                    deliver(
                                    f,
                                    ev[0],
                                    UUID.randomUUID().toString(),
                                    ev[1],
                                    ConsoleFixture.WEBHOOK_SECRET)
                            .statusCode(),
                    ev[0]);
        }
        HttpResponse<String> deleted =
                deliver(
                        f,
                        "repository",
                        UUID.randomUUID().toString(),
                        "{\"action\":\"deleted\",\"repository\":{\"full_name\":\"acme/z\",\"default_branch\":\"main\"}}",
                        ConsoleFixture.WEBHOOK_SECRET);
        assertEquals(200, deleted.statusCode());
    }

    @Test
    void withoutASecretWebhooksAreRefused() throws Exception {
        try (ConsoleFixture off =
                ConsoleFixture.builder("jdbc:sqlite:" + dir.resolve("off.db"))
                        .noWatch()
                        .webhookSecret(null)
                        .start()) {
            HttpResponse<String> r = deliver(off, "ping", "x-1", "{}", "anything");
            assertEquals(503, r.statusCode());
            assertTrue(r.body().contains("AKGUARD_GITHUB_WEBHOOK_SECRET"), r.body());
        }
    }
}
