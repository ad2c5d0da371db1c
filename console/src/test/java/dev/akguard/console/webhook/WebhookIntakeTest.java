package dev.akguard.console.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.akguard.monitor.github.PushEvent;
import dev.akguard.monitor.store.QueuedPush;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookIntakeTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static List<QueuedPush> work(String event, String json) {
        return WebhookIntake.toWork(
                event, "d1", JsonParser.parseString(json).getAsJsonObject(), NOW);
    }

    @Test
    void pushQueuesTheRangeLikeAPolledPushEvent() {
        List<QueuedPush> w =
                work(
                        "push",
                        "{\"ref\":\"refs/heads/main\",\"before\":\"aaa\",\"after\":\"bbb\",\"repository\":{\"full_name\":\"acme/app\"},"
                                + "\"pusher\":{\"name\":\"dev\"},\"sender\":{\"login\":\"dev-login\"}}");
        assertEquals(
                List.of(
                        new QueuedPush(
                                "webhook:d1",
                                "webhook",
                                "acme/app",
                                "refs/heads/main",
                                "aaa",
                                "bbb",
                                "dev",
                                NOW,
                                0)),
                w);
    }

    @Test
    void newBranchesDeletionsAndOddPayloads() {
        QueuedPush created =
                work(
                                "push",
                                "{\"ref\":\"refs/heads/f\",\"before\":\"aaa\",\"after\":\"bbb\",\"created\":true,"
                                        + "\"repository\":{\"full_name\":\"acme/app\"}}")
                        .get(0);
        assertEquals(
                WebhookIntake.ZERO_SHA,
                created.before(),
                "a new branch is scanned from its head commit");
        assertTrue(
                work(
                                "push",
                                "{\"ref\":\"refs/heads/f\",\"before\":\"aaa\",\"after\":\""
                                        + WebhookIntake.ZERO_SHA
                                        + "\",\"deleted\":true,\"repository\":{\"full_name\":\"acme/app\"}}")
                        .isEmpty());
        assertTrue(
                work("push", "{\"after\":\"bbb\",\"repository\":{\"full_name\":\"../../etc\"}}")
                        .isEmpty(),
                "repository names are checked");
        for (String dotted : List.of("../etc", "./app", "acme/..", "acme/.", "../.."))
            assertTrue(
                    work(
                                    "push",
                                    "{\"after\":\"bbb\",\"repository\":{\"full_name\":\""
                                            + dotted
                                            + "\"}}")
                            .isEmpty(),
                    dotted + " is no repository name");
        assertFalse(
                work("push", "{\"after\":\"bbb\",\"repository\":{\"full_name\":\"acme/.github\"}}")
                        .isEmpty(),
                "a name may start with a dot");
        assertTrue(work("push", "{\"after\":\"bbb\"}").isEmpty());
        assertTrue(
                work(
                                "create",
                                "{\"ref\":\"v1\",\"ref_type\":\"repository\",\"repository\":{\"full_name\":\"acme/app\"}}")
                        .isEmpty());
        assertEquals(
                "refs/tags/v1",
                work(
                                "create",
                                "{\"ref\":\"v1\",\"ref_type\":\"tag\",\"repository\":{\"full_name\":\"acme/app\"}}")
                        .get(0)
                        .ref());
        assertEquals(
                PushEvent.WHOLE_REPOSITORY,
                work(
                                "public",
                                "{\"repository\":{\"full_name\":\"acme/app\",\"default_branch\":\"main\"}}")
                        .get(0)
                        .ref(),
                "a repository made public is scanned whole (its history became public)");
        assertFalse(
                work(
                                "repository",
                                "{\"action\":\"created\",\"repository\":{\"full_name\":\"acme/app\",\"default_branch\":\"dev\"}}")
                        .isEmpty());
        assertTrue(
                work(
                                "repository",
                                "{\"action\":\"archived\",\"repository\":{\"full_name\":\"acme/app\",\"default_branch\":\"dev\"}}")
                        .isEmpty());
        assertTrue(work("issues", "{\"repository\":{\"full_name\":\"acme/app\"}}").isEmpty());
    }

    @Test
    void signatureIsTheHmacOfTheRawBody() {
        byte[] body = "{\"zen\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        String sig = GitHubSignature.sign("s3cret", body);
        assertTrue(sig.matches("sha256=[0-9a-f]{64}"));
        assertTrue(GitHubSignature.verify("s3cret", sig, body));
        assertFalse(GitHubSignature.verify("other", sig, body));
        assertFalse(GitHubSignature.verify("s3cret", sig.toUpperCase(), body));
        assertFalse(GitHubSignature.verify("s3cret", "sha1=" + sig.substring(7), body));
        assertFalse(GitHubSignature.verify("", sig, body), "an empty secret verifies nothing");
        assertFalse(GitHubSignature.verify(null, sig, body));
    }
}
