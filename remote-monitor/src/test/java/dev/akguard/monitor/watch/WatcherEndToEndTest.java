package dev.akguard.monitor.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.Engine;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubClient;
import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.model.HandlingMethod;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.Occurrence;
import dev.akguard.monitor.store.RecordOutcome;
import dev.akguard.testkit.fixtures.MutableClock;
import dev.akguard.testkit.fixtures.RecordingSleeper;
import dev.akguard.testkit.fixtures.TestKeys;
import dev.akguard.testkit.github.EmulatedRepo;
import dev.akguard.testkit.github.Fault;
import dev.akguard.testkit.github.GitHubEmulator;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatcherEndToEndTest {

    @TempDir Path dir;
    private final Random random = new Random(42);
    private final MutableClock clock = MutableClock.startingNow();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final List<AlertNotice> notices = Collections.synchronizedList(new ArrayList<>());
    private GitHubEmulator gh;
    private Database db;
    private AlertStore alerts;

    @BeforeEach
    void start() throws Exception {
        gh = GitHubEmulator.start(clock);
        db = Database.open("jdbc:sqlite:" + dir.resolve("monitor.db"));
        alerts = new AlertStore(db, clock);
    }

    @AfterEach
    void stop() {
        gh.close();
    }

    private Watcher watcher(List<Source> sources, String token) {
        GitHubClient client =
                GitHubClient.builder(gh.baseUrl())
                        .token(token)
                        .clock(clock)
                        .sleeper(sleeper::sleep)
                        .random(random)
                        .build();
        WatchSettings settings = WatchSettings.defaults(sources);
        return new Watcher(
                        settings,
                        new GitHubApi(client),
                        db,
                        Engine.defaults(),
                        clock,
                        sleeper::sleep)
                .addListener((notice, c) -> notices.add(notice));
    }

    private Watcher watcher() {
        return watcher(List.of(Source.publicEvents()), "t");
    }

    /** One cycle, a poll interval later. */
    private CycleReport cycle(Watcher w) throws InterruptedException {
        clock.advance(Duration.ofSeconds(61));
        return w.runOnce();
    }

    private static String config(TestKeys.Pair key) {
        return "# service config\nendpoint=oss.example\n" + key.properties() + "timeout=30\n";
    }

    @Test
    void hostilePathsAreEncodedInTheOccurrenceUrl() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        Watcher w = watcher();
        EmulatedRepo repo = gh.createRepo("acme/evil");
        repo.change().author("alice").put("README.md", "hello\n").push();
        String path = "deploy/a b#c?d\u001b[2J(x).yml";
        EmulatedRepo.PushResult leak =
                repo.change().author("mallory\u001b]0;t\u0007").put(path, config(key)).push();
        cycle(w);
        Occurrence o = alerts.list(null).get(0).occurrences().get(0);
        assertEquals(path, o.path(), "stored as it is; escaped only when shown");
        assertEquals(
                gh.baseUrl()
                        + "/acme/evil/blob/"
                        + leak.head()
                        + "/deploy/a%20b%23c%3Fd%1B%5B2J%28x%29.yml#L3",
                o.url());
    }

    @Test
    void leakPushedRaisesOneAlertWithItsOccurrence() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        Watcher w = watcher();
        EmulatedRepo repo = gh.createRepo("acme/app");
        repo.change().author("alice").put("README.md", "hello\n").push();
        EmulatedRepo.PushResult leak =
                repo.change()
                        .author("bob")
                        .put("conf/app.properties", config(key))
                        .put("notes.txt", "x\n")
                        .push();

        CycleReport r = cycle(w);
        assertEquals(2, r.pushesProcessed());
        assertEquals(1, r.alertsCreated());

        List<Alert> all = alerts.list(null);
        assertEquals(1, all.size());
        Alert a = all.get(0);
        assertEquals(key.id(), a.accessKeyId());
        assertEquals(key.sha256(), a.secretSha256());
        assertEquals(key.secret().substring(0, 3) + "…", a.secretRedacted());
        assertEquals(AlertStatus.UNHANDLED, a.status());
        assertEquals(1, a.occurrences().size());
        Occurrence o = a.occurrences().get(0);
        assertEquals("acme/app", o.repo());
        assertEquals("conf/app.properties", o.path());
        assertEquals(3, o.line(), "line of the AccessKey ID in the file");
        assertEquals(leak.head(), o.commit());
        assertEquals("bob", o.author());
        assertEquals(
                gh.baseUrl() + "/acme/app/blob/" + leak.head() + "/conf/app.properties#L3",
                o.url());

        assertEquals(1, notices.size());
        assertEquals(RecordOutcome.Kind.CREATED, notices.get(0).kind());
        assertEquals(
                key.secret(),
                notices.get(0).finding().secret().value(),
                "listeners get the in-memory secret");

        assertEquals(0, cycle(w).pushesProcessed(), "nothing new: 304");
        assertEquals(1, alerts.list(null).size());
    }

    @Test
    void sameLeakElsewhereIsOneAlertWithTwoOccurrences() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        Watcher w = watcher();
        gh.createRepo("acme/app").change().put("a.properties", key.properties()).push();
        cycle(w);
        gh.createRepo("bob/fork")
                .change()
                .author("bob")
                .put(
                        "deploy/env.sh",
                        "export ALIBABA_CLOUD_ACCESS_KEY_ID="
                                + key.id()
                                + "\nexport ALIBABA_CLOUD_ACCESS_KEY_SECRET="
                                + key.secret()
                                + "\n")
                .push();
        cycle(w);

        List<Alert> all = alerts.list(null);
        assertEquals(1, all.size());
        assertEquals(
                List.of("acme/app", "bob/fork"),
                all.get(0).occurrences().stream().map(Occurrence::repo).toList());
        assertEquals(1, notices.size(), "announced once");
    }

    @Test
    void onlyAddedLinesCountAndAnIdAloneIsNoAlert() throws Exception {
        TestKeys.Pair old = TestKeys.pair(random);
        TestKeys.Pair lonely = TestKeys.pair(random);
        EmulatedRepo repo = gh.createRepo("acme/app");
        repo.change()
                .put("conf.properties", old.properties() + "a=1\n")
                .commitSilently(); // leaked before we watched
        Watcher w = watcher();
        repo.change()
                .put("conf.properties", old.properties() + "a=2\n")
                .put("id.txt", "accessKeyId: " + lonely.id() + "\n")
                .push();
        CycleReport r = cycle(w);
        assertEquals(1, r.pushesProcessed());
        assertEquals(0, alerts.list(null).size());
    }

    @Test
    void anInlineIgnoreMarkerDoesNotHideAPublishedLeak() throws Exception {
        TestKeys.Pair inPatch = TestKeys.pair(random), inContent = TestKeys.pair(random);
        Watcher w = watcher();
        gh.createRepo("acme/app")
                .change()
                .put(
                        "a.properties",
                        "id="
                                + inPatch.id()
                                + " # akguard:ignore\nsecret="
                                + inPatch.secret()
                                + " # akguard:ignore\n")
                .push();
        cycle(w);
        gh.setMaxPatchBytes(10);
        gh.createRepo("acme/other")
                .change()
                .put(
                        "b.properties",
                        "id="
                                + inContent.id()
                                + " # akguard:ignore\nsecret="
                                + inContent.secret()
                                + " # akguard:ignore\n")
                .push();
        cycle(w);
        assertEquals(2, alerts.list(null).size());
        assertEquals(
                List.of(1, 1),
                alerts.list(null).stream().map(a -> a.occurrences().get(0).line()).toList());
    }

    @Test
    void bigPushesAreScannedCommitByCommitWithEveryPageOfFiles() throws Exception {
        TestKeys.Pair inCompare = TestKeys.pair(random), onNewBranch = TestKeys.pair(random);
        EmulatedRepo repo = gh.createRepo("acme/monorepo");
        repo.change().put("README", "x\n").push();
        Watcher w = watcher();
        cycle(w);
        // Two commits, 305 files: GitHub's compare stops at 300 files (sorted by path, the leak is
        // past the cut).
        EmulatedRepo.ChangeBuilder big = repo.change();
        for (int i = 0; i < 200; i++) big.put(String.format("gen/a%03d.txt", i), "a" + i + "\n");
        big.nextCommit("second");
        for (int i = 0; i < 104; i++) big.put(String.format("gen/b%03d.txt", i), "b" + i + "\n");
        big.put("zz/leak.properties", inCompare.properties());
        big.push();
        // A new branch whose single commit has 305 files: the commit's files come in pages of 300.
        EmulatedRepo.ChangeBuilder branch = repo.change("vendor");
        for (int i = 0; i < 304; i++)
            branch.put(String.format("vendor/f%03d.txt", i), "v" + i + "\n");
        branch.put("zz/vendored.properties", onNewBranch.properties());
        branch.push();
        cycle(w);
        assertEquals(
                java.util.Set.of(inCompare.id(), onNewBranch.id()),
                alerts.list(null).stream()
                        .map(Alert::accessKeyId)
                        .collect(java.util.stream.Collectors.toSet()));
        assertTrue(
                gh.requests("/repos/acme/monorepo/commits/").stream()
                        .anyMatch(r -> r.query() != null && r.query().contains("page=2")),
                "second page of a commit's files fetched");
    }

    @Test
    void missingPatchFallsBackToTheFileContent() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        gh.setMaxPatchBytes(100);
        StringBuilder big = new StringBuilder();
        for (int i = 1; i <= 40; i++) big.append("line").append(i).append("=value\n");
        big.append(key.properties());
        Watcher w = watcher();
        gh.createRepo("acme/big").change().put("big.properties", big.toString()).push();
        cycle(w);
        Alert a = alerts.list(null).get(0);
        assertEquals(41, a.occurrences().get(0).line());
        assertFalse(
                gh.requests("/repos/acme/big/contents/big.properties").isEmpty(),
                "fetched the content");
    }

    @Test
    void newBranchesAndForcePushesAreScanned() throws Exception {
        TestKeys.Pair onBranch = TestKeys.pair(random);
        TestKeys.Pair forced = TestKeys.pair(random);
        EmulatedRepo repo = gh.createRepo("acme/app");
        EmulatedRepo.PushResult base = repo.change().put("a", "1\n").push();
        repo.change().put("a", "1\n2\n").push();
        Watcher w = watcher();
        cycle(w);
        gh.clearRequests();

        EmulatedRepo.PushResult branch =
                repo.change("feature").put("k.properties", onBranch.properties()).push();
        assertEquals(EmulatedRepo.ZERO_SHA, branch.before());
        repo.change().parent(base.head()).put("f.properties", forced.properties()).push();
        cycle(w);

        assertEquals(2, alerts.list(null).size());
        assertEquals(
                1,
                gh.requests("/repos/acme/app/compare/main..." + branch.head()).size(),
                "new branch: compared with the default branch");
        assertEquals(
                2,
                gh.requests("/repos/acme/app/compare/").size(),
                "force push: compare from the merge base");
        // The branch is compared with main as it is now (already rewritten): main's dropped commit
        // is listed too.
        assertEquals(
                0,
                gh.requests("/repos/acme/app/commits/" + repo.head("main")).size(),
                "one plain commit: the compare is its diff");
    }

    @Test
    void whitelistedPairStaysQuietAndHandledPairReopens() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        Watcher w = watcher();
        gh.createRepo("a/one").change().put("k.properties", key.properties()).push();
        cycle(w);
        long id = alerts.list(null).get(0).id();
        alerts.handle(id, HandlingMethod.WHITELIST, "carol", "test key");

        gh.createRepo("a/two").change().put("k.properties", key.properties()).push();
        cycle(w);
        assertEquals(AlertStatus.WHITELISTED, alerts.find(id).orElseThrow().status());
        assertEquals(2, alerts.find(id).orElseThrow().occurrences().size());
        assertEquals(1, notices.size(), "not re-announced");

        alerts.unwhitelist(id, "carol", "not a test key");
        alerts.handle(id, HandlingMethod.DELETED, "carol", "rotated");
        gh.createRepo("a/three").change().put("k.properties", key.properties()).push();
        cycle(w);
        Alert a = alerts.find(id).orElseThrow();
        assertEquals(AlertStatus.UNHANDLED, a.status());
        assertNull(a.handlingMethod());
        assertEquals(2, notices.size());
        assertEquals(RecordOutcome.Kind.REOPENED, notices.get(1).kind());
        assertTrue(a.history().get(a.history().size() - 1).note().contains("a/three"));
    }

    @Test
    void rateLimitsServerErrorsAndMalformedJsonDelayButLoseNothing() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        Watcher w = watcher();
        gh.createRepo("acme/app").change().put("k.properties", key.properties()).push();
        gh.inject(Fault.tooManyRequests(5).on("/events"));
        gh.inject(Fault.primaryRateLimit(300).on("/repos/acme/app/commits/"));
        gh.inject(Fault.status(502).on("/repos/acme/app/commits/"));
        gh.inject(Fault.malformedJson().on("/repos/acme/app/commits/"));
        cycle(w);
        assertEquals(1, alerts.list(null).size());
        List<Duration> sleeps = sleeper.sleeps();
        assertEquals(Duration.ofSeconds(5), sleeps.get(0), "429 retry-after honoured");
        assertTrue(
                sleeps.get(1).toSeconds() >= 300, "primary limit: waited for the reset " + sleeps);
        assertEquals(4, sleeps.size(), "two backoffs for 502 and malformed JSON: " + sleeps);
    }

    @Test
    void persistentFailureIsRetriedLaterWithoutLossOrDuplicates() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        Watcher w = watcher();
        gh.createRepo("acme/app").change().put("k.properties", key.properties()).push();
        gh.inject(Fault.status(500).on("/repos/acme/app/commits/").times(6));
        CycleReport first = cycle(w);
        assertEquals(1, first.pushFailures());
        assertEquals(0, alerts.list(null).size());
        clock.advance(Duration.ofMinutes(5));
        CycleReport second = w.runOnce();
        assertEquals(1, second.pushesProcessed());
        assertEquals(1, alerts.list(null).size());
    }

    @Test
    void aFailingListenerRollsTheWholePushBack() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        GitHubClient client =
                GitHubClient.builder(gh.baseUrl())
                        .token("t")
                        .clock(clock)
                        .sleeper(sleeper::sleep)
                        .build();
        boolean[] fail = {true};
        Watcher w =
                new Watcher(
                                WatchSettings.defaults(List.of(Source.publicEvents())),
                                new GitHubApi(client),
                                db,
                                Engine.defaults(),
                                clock,
                                sleeper::sleep)
                        .addListener(
                                (n, c) -> {
                                    if (fail[0]) throw new SQLException("outbox full");
                                    notices.add(n);
                                });
        gh.createRepo("acme/app").change().put("k.properties", key.properties()).push();
        cycle(w);
        assertEquals(0, alerts.list(null).size(), "alert not committed without its notification");
        fail[0] = false;
        clock.advance(Duration.ofMinutes(5));
        w.runOnce();
        assertEquals(1, alerts.list(null).size());
        assertEquals(1, notices.size());
    }

    @Test
    void orgUserRepoAndSearchSources() throws Exception {
        TestKeys.Pair k1 = TestKeys.pair(random),
                k2 = TestKeys.pair(random),
                k3 = TestKeys.pair(random),
                k4 = TestKeys.pair(random);
        gh.createRepo("acme/app")
                .change()
                .author("zed")
                .put("a.properties", k1.properties())
                .push();
        gh.createRepo("solo/tool")
                .change()
                .author("bob")
                .put("b.properties", k2.properties())
                .push();
        gh.createRepo("misc/lib")
                .change()
                .author("zed")
                .put("c.properties", k3.properties())
                .push();
        gh.createRepo("old/stuff").change().put("d.properties", k4.properties()).commitSilently();
        Watcher w =
                watcher(
                        List.of(
                                Source.org("acme"),
                                Source.user("bob"),
                                Source.repo("misc/lib"),
                                Source.search("accessKeySecret")),
                        "t");
        cycle(w);
        assertEquals(4, alerts.list(null).size());
        assertTrue(
                alerts.list(null).stream()
                        .anyMatch(
                                a ->
                                        a.accessKeyId().equals(k4.id())
                                                && a.occurrences()
                                                        .get(0)
                                                        .repo()
                                                        .equals("old/stuff")),
                "search sweep found the silent commit");
        assertEquals(1, gh.requests("/search/code").size());
        cycle(w);
        assertEquals(
                1, gh.requests("/search/code").size(), "sweep runs on its own, longer interval");
        assertEquals(4, alerts.list(null).size());
    }

    @Test
    void continuousRunHonoursThePollIntervalAndForgetsOldPushes() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        gh.setPollIntervalSeconds(90);
        gh.createRepo("acme/app").change().put("k.properties", key.properties()).push();
        Watcher w = watcher();
        java.time.Instant end = clock.instant().plus(Duration.ofMinutes(10));
        CycleReport total = w.run(() -> !clock.instant().isBefore(end));
        assertEquals(1, total.alertsCreated());
        List<dev.akguard.testkit.github.RecordedRequest> polls = gh.requests("/events");
        assertTrue(
                polls.size() >= 6 && polls.size() <= 8,
                "about one poll per 90 s in 10 min: " + polls.size());
        for (int i = 1; i < polls.size(); i++) {
            long gap = Duration.between(polls.get(i - 1).at(), polls.get(i).at()).toSeconds();
            assertTrue(gap >= 90, "X-Poll-Interval honoured, gap " + gap + " s");
            assertEquals(304, polls.get(i).status(), "conditional requests: nothing new");
        }

        clock.advance(Watcher.KEEP_DONE_PUSHES.plusHours(1));
        w.runOnce();
        long queued =
                db.transaction(
                        c -> {
                            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM push_queue");
                                    var rs = ps.executeQuery()) {
                                rs.next();
                                return rs.getLong(1);
                            }
                        });
        assertEquals(0, queued, "finished pushes are forgotten after a while");
        assertEquals(1, alerts.list(null).size(), "alerts are not");
    }
}
