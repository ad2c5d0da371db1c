package dev.akguard.monitor.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.testkit.fixtures.MutableClock;
import dev.akguard.testkit.fixtures.RecordingSleeper;
import dev.akguard.testkit.github.EmulatedRepo;
import dev.akguard.testkit.github.Fault;
import dev.akguard.testkit.github.GitHubEmulator;
import dev.akguard.testkit.github.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubClientTest {

    private MutableClock clock;
    private RecordingSleeper sleeper;
    private GitHubEmulator gh;
    private GitHubApi api;

    @BeforeEach
    void start() throws IOException {
        clock = MutableClock.startingNow();
        sleeper = new RecordingSleeper(clock);
        gh = GitHubEmulator.start(clock);
        api = new GitHubApi(client(gh.baseUrl(), "test-token"));
    }

    private GitHubClient client(String base, String token) {
        return GitHubClient.builder(base)
                .token(token)
                .clock(clock)
                .sleeper(sleeper::sleep)
                .random(new Random(1))
                .build();
    }

    @AfterEach
    void stop() {
        gh.close();
    }

    @Test
    void sendsIfNoneMatchAndTreatsNotModifiedAsNothingNew() throws Exception {
        gh.setPollIntervalSeconds(42);
        EmulatedRepo repo = gh.createRepo("acme/app");
        EmulatedRepo.PushResult push = repo.change().put("a", "1\n").push();

        FeedPoll first = api.pollFeed("/events", null, null, 3);
        assertFalse(first.notModified());
        assertEquals(1, first.pushes().size());
        assertEquals(push.head(), first.pushes().get(0).head());
        assertEquals(42, first.pollIntervalSeconds());

        FeedPoll second = api.pollFeed("/events", first.etag(), first.newestEventId(), 3);
        assertTrue(second.notModified());
        RecordedRequest last = gh.requests("/events").get(1);
        assertEquals(first.etag(), last.header("If-None-Match"));
        assertEquals(304, last.status());
        assertEquals("Bearer test-token", last.header("Authorization"));
    }

    @Test
    void followsPagesOnlyUntilKnownEvents() throws Exception {
        EmulatedRepo repo = gh.createRepo("acme/app");
        for (int i = 0; i < 150; i++) repo.change().put("f", "v" + i + "\n").push();
        FeedPoll all = api.pollFeed("/events", null, null, 3);
        assertEquals(150, all.pushes().size());
        assertTrue(
                PushEvent.compareIds(all.pushes().get(0).id(), all.pushes().get(149).id()) < 0,
                "oldest first");
        assertEquals(2, gh.requests("/events").size(), "two pages of 100");

        for (int i = 0; i < 3; i++) repo.change().put("f", "w" + i + "\n").push();
        gh.clearRequests();
        FeedPoll next = api.pollFeed("/events", all.etag(), all.newestEventId(), 3);
        assertEquals(3, next.pushes().size());
        assertEquals(1, gh.requests("/events").size(), "stops at the first known event");
        assertFalse(next.gap());

        for (int i = 0; i < 320; i++) repo.change().put("f", "x" + i + "\n").push();
        FeedPoll overrun = api.pollFeed("/events", next.etag(), next.newestEventId(), 3);
        assertEquals(300, overrun.pushes().size(), "GitHub serves 300 events at most");
        assertTrue(overrun.gap(), "20 events were missed and the poll says so");
    }

    @Test
    void waitsAsToldOnRetryAfter() throws Exception {
        gh.createRepo("acme/app").change().put("a", "1\n").push();
        gh.inject(Fault.tooManyRequests(7).on("/events"));
        gh.inject(Fault.secondaryRateLimit(11).on("/events"));
        FeedPoll poll = api.pollFeed("/events", null, null, 1);
        assertEquals(1, poll.pushes().size());
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(11)), sleeper.sleeps());
        List<RecordedRequest> reqs = gh.requests("/events");
        assertEquals(3, reqs.size());
        assertTrue(
                Duration.between(reqs.get(0).at(), reqs.get(1).at()).toSeconds() >= 7,
                "second request only after the wait");
    }

    @Test
    void primaryLimitWaitsForTheResetAndThenDoesNotAskEarly() throws Exception {
        gh.createRepo("acme/app").change().put("a", "1\n").push();
        gh.inject(Fault.primaryRateLimit(120).on("/events"));
        api.pollFeed("/events", null, null, 1);
        assertEquals(1, sleeper.sleeps().size());
        Duration wait = sleeper.sleeps().get(0);
        assertTrue(
                wait.toSeconds() >= 120 && wait.toSeconds() <= 122,
                "waited for x-ratelimit-reset: " + wait);

        // When the last answer said the budget is spent, the client waits before asking at all.
        gh.setCoreRateLimit(1);
        sleeper.clear();
        api.pollFeed("/events", null, null, 1); // spends the only request: remaining 0
        int before = gh.requests("/events").size();
        api.pollFeed("/events", null, null, 1);
        assertEquals(
                before + 1,
                gh.requests("/events").size(),
                "exactly one request after the reset, no 403 first");
        assertEquals(1, sleeper.sleeps().size());
        assertTrue(
                sleeper.sleeps().get(0).toMinutes() >= 59,
                "waited for the hourly reset: " + sleeper.sleeps());
    }

    @Test
    void secondaryLimitWithoutRetryAfterWaitsAtLeastAMinute() throws Exception {
        gh.createRepo("acme/app").change().put("a", "1\n").push();
        gh.inject(Fault.secondaryRateLimit().on("/events"));
        api.pollFeed("/events", null, null, 1);
        assertEquals(1, sleeper.sleeps().size());
        assertTrue(
                sleeper.sleeps().get(0).toSeconds() >= 60,
                "secondary limit waits >= 60 s: " + sleeper.sleeps());
    }

    @Test
    void serverErrorsAndMalformedJsonBackOffExponentiallyThenRecover() throws Exception {
        gh.createRepo("acme/app").change().put("a", "1\n").push();
        gh.inject(Fault.status(500).on("/events"));
        gh.inject(Fault.status(502).on("/events"));
        gh.inject(Fault.malformedJson().on("/events"));
        gh.inject(Fault.status(503).on("/events"));
        FeedPoll poll = api.pollFeed("/events", null, null, 1);
        assertEquals(1, poll.pushes().size(), "recovered");
        List<Duration> sleeps = sleeper.sleeps();
        assertEquals(4, sleeps.size());
        for (int i = 0; i < sleeps.size(); i++) {
            long capMs = 1000L << i; // base 1 s doubling; equal jitter keeps it in [cap/2, cap]
            assertTrue(
                    sleeps.get(i).toMillis() >= capMs / 2 && sleeps.get(i).toMillis() <= capMs,
                    "backoff " + i + ": " + sleeps);
        }
        assertEquals(5, gh.requests("/events").size());
    }

    @Test
    void givesUpWithAClearMessageAfterTheRetryBudget() {
        gh.inject(Fault.status(503).on("/events").times(100));
        GitHubException e =
                assertThrows(GitHubException.class, () -> api.pollFeed("/events", null, null, 1));
        assertTrue(
                e.getMessage().contains("kept failing") && e.getMessage().contains("503"),
                e.getMessage());
        assertEquals(
                GitHubClient.DEFAULT_BACKOFF.maxAttempts(),
                gh.requests("/events").size(),
                "bounded: never hammers");
    }

    @Test
    void slowResponsesTimeOutAndAreRetried() throws Exception {
        gh.createRepo("acme/app").change().put("a", "1\n").push();
        gh.inject(Fault.slow(Duration.ofMillis(1500)).on("/events"));
        GitHubApi impatient =
                new GitHubApi(
                        GitHubClient.builder(gh.baseUrl())
                                .token("t")
                                .clock(clock)
                                .sleeper(sleeper::sleep)
                                .requestTimeout(Duration.ofMillis(300))
                                .build());
        assertEquals(1, impatient.pollFeed("/events", null, null, 1).pushes().size());
        assertEquals(1, sleeper.sleeps().size(), "one backoff after the timeout");
    }

    @Test
    void fetchesCompareCommitContentsAndWorksUnderTheEnterprisePrefix() throws Exception {
        EmulatedRepo repo = gh.createRepo("acme/app");
        EmulatedRepo.PushResult one = repo.change().put("a.txt", "x\n").push();
        EmulatedRepo.PushResult two = repo.change().author("dora").put("a.txt", "x\ny\n").push();
        GitHubApi ghe = new GitHubApi(client(gh.enterpriseBaseUrl(), "t"));
        Change cmp = ghe.compare("acme/app", one.head(), two.head());
        assertEquals(two.head(), cmp.headSha());
        assertEquals("dora", cmp.authorLogin());
        assertEquals(1, cmp.files().size());
        assertTrue(cmp.files().get(0).patch().contains("+y"));
        assertEquals(gh.baseUrl() + "/acme/app", cmp.htmlUrlBase());
        assertEquals(
                "x\ny\n",
                new String(ghe.content("acme/app", "a.txt", two.head()), StandardCharsets.UTF_8));
        assertEquals(
                "x\n",
                new String(ghe.content("acme/app", "a.txt", one.head()), StandardCharsets.UTF_8));
        Change commit = ghe.commit("acme/app", one.head());
        assertEquals("added", commit.files().get(0).status());
        assertTrue(
                gh.requests().stream().allMatch(r -> !r.path().startsWith("/api/v3")),
                "paths recorded without prefix");
        assertThrows(
                GitHubNotFoundException.class,
                () -> ghe.compare("acme/app", "f".repeat(40), two.head()));
    }

    @Test
    void codeSearchRequiresAToken() throws Exception {
        gh.createRepo("acme/app").change().put("k.txt", "needle\n").push();
        GitHubApi anonymous = new GitHubApi(client(gh.baseUrl(), null));
        GitHubException e =
                assertThrows(GitHubException.class, () -> anonymous.searchCode("needle", 1));
        assertTrue(e.getMessage().contains("GITHUB_TOKEN"));
        List<CodeSearchHit> hits = api.searchCode("needle", 1);
        assertEquals(1, hits.size());
        assertEquals("acme/app", hits.get(0).repo());
        assertEquals(gh.repo("acme/app").head("main"), hits.get(0).ref());
        assertNull(anonymous.client().rateLimit("search"));
    }

    @Test
    void codeSearchWaitsForItsOwnPerMinuteBudget() throws Exception {
        EmulatedRepo.ChangeBuilder many = gh.createRepo("acme/app").change();
        for (int i = 0; i < 150; i++) many.put("f" + i + ".txt", "needle " + i + "\n");
        many.push();
        gh.setSearchRateLimit(1);
        List<CodeSearchHit> hits = api.searchCode("needle", 5);
        assertEquals(150, hits.size(), "both pages");
        assertEquals(
                2,
                gh.requests("/search/code").size(),
                "no request refused: the client waited for the reset instead of asking");
        assertEquals(1, sleeper.sleeps().size());
        assertTrue(
                sleeper.sleeps().get(0).toSeconds() >= 55,
                "waited for the per-minute reset: " + sleeper.sleeps());
        assertTrue(gh.requests("/search/code").stream().allMatch(r -> r.status() == 200));
    }

    @Test
    void followsRedirectsButNeverCarriesTheTokenToAnotherHost() throws Exception {
        EmulatedRepo repo = gh.createRepo("acme/app");
        EmulatedRepo.PushResult p = repo.change().put("a.txt", "here\n").push();
        try (GitHubEmulator other = GitHubEmulator.start(clock)) {
            other.createRepo("acme/app").change().put("a.txt", "elsewhere\n").push();
            String elsewhere = other.baseUrl() + "/repos/acme/app/contents/a.txt";
            gh.inject(Fault.redirect(elsewhere).on("/repos/acme/app/contents/"));
            assertEquals(
                    "elsewhere\n",
                    new String(api.content("acme/app", "a.txt", null), StandardCharsets.UTF_8));
            assertNull(
                    other.requests().get(0).header("Authorization"),
                    "token not sent to another origin");

            gh.inject(
                    Fault.redirect(gh.baseUrl() + "/repos/acme/app/contents/a.txt?ref=" + p.head())
                            .on("/repos/acme/app/contents/"));
            assertEquals(
                    "here\n",
                    new String(api.content("acme/app", "a.txt", "moved"), StandardCharsets.UTF_8));
            List<RecordedRequest> own = gh.requests("/repos/acme/app/contents/");
            assertEquals(
                    "Bearer test-token",
                    own.get(own.size() - 1).header("Authorization"),
                    "same origin keeps it");
        }
    }

    @Test
    void refusesPlainHttpToRemoteHosts() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> GitHubClient.builder("http://example.com").build());
        assertTrue(e.getMessage().contains("https"));
    }
}
