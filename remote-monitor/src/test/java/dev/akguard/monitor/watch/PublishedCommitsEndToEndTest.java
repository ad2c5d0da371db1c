package dev.akguard.monitor.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.Engine;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubClient;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.Occurrence;
import dev.akguard.monitor.store.ScanGapStore;
import dev.akguard.testkit.fixtures.MutableClock;
import dev.akguard.testkit.fixtures.RecordingSleeper;
import dev.akguard.testkit.fixtures.TestKeys;
import dev.akguard.testkit.github.EmulatedRepo;
import dev.akguard.testkit.github.GitHubEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10's cases against the GitHub emulator: every commit a push publishes is scanned for the
 * lines it adds, findings are attributed to the commit that added them, repositories made public
 * are scanned from a clone, and seeing the same repository again raises nothing new.
 */
class PublishedCommitsEndToEndTest {

    @TempDir Path dir;
    private final Random random = new Random(10);
    private final MutableClock clock = MutableClock.startingNow();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final List<AlertNotice> notices = Collections.synchronizedList(new ArrayList<>());
    private GitHubEmulator gh;
    private Database db;
    private AlertStore alerts;
    private Path clones;

    @BeforeEach
    void start() throws Exception {
        gh = GitHubEmulator.start(clock);
        db = Database.open("jdbc:sqlite:" + dir.resolve("monitor.db"));
        alerts = new AlertStore(db, clock);
        clones = dir.resolve("clones");
    }

    @AfterEach
    void stop() {
        gh.close();
    }

    private Watcher watcher(WatchSettings settings) {
        GitHubClient client =
                GitHubClient.builder(gh.baseUrl())
                        .token("t")
                        .clock(clock)
                        .sleeper(sleeper::sleep)
                        .random(random)
                        .build();
        return new Watcher(
                        settings,
                        new GitHubApi(client),
                        db,
                        Engine.defaults(),
                        clock,
                        sleeper::sleep)
                .addListener((n, c) -> notices.add(n));
    }

    private Watcher watcher() {
        return watcher(
                WatchSettings.defaults(List.of(Source.publicEvents()))
                        .withClone(new CloneLimits(64L << 20, Duration.ofMinutes(2), clones, 1)));
    }

    private CycleReport cycle(Watcher w) throws InterruptedException {
        clock.advance(Duration.ofSeconds(61));
        return w.runOnce();
    }

    /** Exactly one alert, for {@code key}, with one occurrence at this commit, path and line. */
    private void assertOneAlert(TestKeys.Pair key, String commit, String path, int line) {
        List<Alert> all = alerts.list(null);
        assertEquals(1, all.size(), "one alert: " + all);
        Alert a = all.get(0);
        assertEquals(key.id(), a.accessKeyId());
        assertEquals(key.sha256(), a.secretSha256());
        assertEquals(1, a.occurrences().size(), "one occurrence: " + a.occurrences());
        Occurrence o = a.occurrences().get(0);
        assertEquals(commit, o.commit(), "attributed to the commit that added it");
        assertEquals(path, o.path());
        assertEquals(line, o.line());
        assertEquals(1, notices.size());
    }

    /** The same pushes seen again (a redelivery, another feed): nothing new. */
    private void assertNothingNewWhenSeenAgain(
            Watcher w, EmulatedRepo repo, EmulatedRepo.PushResult... pushes) throws Exception {
        List<Alert> before = alerts.list(null);
        for (EmulatedRepo.PushResult p : pushes) repo.replay(p, "octocat");
        CycleReport r = cycle(w);
        assertEquals(pushes.length, r.pushesProcessed());
        assertEquals(0, r.alertsCreated() + r.alertsReopened());
        assertEquals(before, alerts.list(null));
        assertEquals(1, notices.size());
    }

    private static String yaml(TestKeys.Pair key) {
        return "app:\n  region: cn-hangzhou\n  access_key_id: "
                + key.id()
                + "\n  access_key_secret: "
                + key.secret()
                + "\n";
    }

    @Test
    void case1_firstPushOfANewRepositoryScansEveryCommit() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        Watcher w = watcher();
        EmulatedRepo repo = gh.createRepo("acme/newrepo");
        EmulatedRepo.PushResult push =
                repo.change()
                        .put("conf/app.yml", yaml(key))
                        .nextCommit("docs")
                        .put("README.md", "# app\n")
                        .push();
        assertEquals(EmulatedRepo.ZERO_SHA, push.before());

        CycleReport r = cycle(w);
        assertEquals(1, r.alertsCreated());
        assertOneAlert(key, push.commits().get(0), "conf/app.yml", 3);
        assertNothingNewWhenSeenAgain(w, repo, push);
    }

    @Test
    void case2_newBranchWithSeveralCommitsScansEveryCommitNotOnTheDefaultBranch() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        EmulatedRepo repo = gh.createRepo("acme/newbranch");
        repo.change().put("README.md", "# app\n").push();
        Watcher w = watcher();
        cycle(w);
        EmulatedRepo.PushResult push =
                repo.change("feature")
                        .put("src/config.yml", yaml(key))
                        .nextCommit("more")
                        .put("src/Main.java", "class Main {}\n")
                        .push();

        cycle(w);
        assertOneAlert(key, push.commits().get(0), "src/config.yml", 3);
        assertNothingNewWhenSeenAgain(w, repo, push);
    }

    @Test
    void case3_keyAddedAndRemovedWithinOnePushIsSeenInItsCommit() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        EmulatedRepo repo = gh.createRepo("acme/addremove");
        repo.change().put("README.md", "# app\n").push();
        Watcher w = watcher();
        cycle(w);
        EmulatedRepo.PushResult push =
                repo.change()
                        .put("deploy/app.yml", yaml(key))
                        .nextCommit("oops")
                        .remove("deploy/app.yml")
                        .push();

        cycle(w);
        assertOneAlert(key, push.commits().get(0), "deploy/app.yml", 3);
        assertNothingNewWhenSeenAgain(w, repo, push);
    }

    @Test
    void aMergeCountsOnlyLinesNewToEveryParent() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        EmulatedRepo repo = gh.createRepo("acme/merge");
        EmulatedRepo.PushResult base = repo.change().put("README.md", "# app\n").push();
        EmulatedRepo.PushResult feature = repo.change("feature").put("k.yml", yaml(key)).push();
        Watcher w = watcher();
        cycle(w);
        assertEquals(1, alerts.list(null).size());
        // main merges feature: the key is new to main's side but not to feature's, so the merge
        // adds nothing.
        EmulatedRepo.PushResult merge =
                repo.change()
                        .mergeOf(feature.head())
                        .message("merge")
                        .put("k.yml", yaml(key))
                        .put("CHANGES", "merged\n")
                        .push();
        assertEquals(List.of(base.head(), feature.head()), repo.commit(merge.head()).parents());
        cycle(w);
        List<Alert> all = alerts.list(null);
        assertEquals(1, all.size());
        assertEquals(
                1,
                all.get(0).occurrences().size(),
                "no occurrence at the merge: " + all.get(0).occurrences());
        assertEquals(feature.head(), all.get(0).occurrences().get(0).commit());
    }

    @Test
    void aTagPushedOnItsOwnIsScannedForWhatTheDefaultBranchLacks() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        EmulatedRepo repo = gh.createRepo("acme/tagged");
        repo.change().put("README.md", "# app\n").push();
        Watcher w = watcher();
        cycle(w);
        // `git push origin v1.0.0` of a commit no branch on GitHub has: a CreateEvent, no PushEvent
        EmulatedRepo.PushResult build =
                repo.change("local-release").put("deploy/prod.yml", yaml(key)).commitSilently();
        repo.tag("v1.0.0", build.head());
        CycleReport r = cycle(w);
        assertEquals(1, r.pushesProcessed());
        assertOneAlert(key, build.head(), "deploy/prod.yml", 3);
    }

    @Test
    void aBranchMadeWithoutAPushIsScanned() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        EmulatedRepo repo = gh.createRepo("acme/api-branch");
        repo.change().put("README.md", "# app\n").push();
        Watcher w = watcher();
        cycle(w);
        EmulatedRepo.PushResult hotfix =
                repo.change("hotfix").put("ops/hotfix.yml", yaml(key)).commitSilently();
        repo.announceBranch("hotfix");
        cycle(w);
        assertOneAlert(key, hotfix.head(), "ops/hotfix.yml", 3);
    }

    @Test
    void aRepositoryCreatedWithItsHistoryIsScannedWhole() throws Exception {
        // From a template or an import: the history arrives without a single PushEvent.
        TestKeys.Pair key = TestKeys.pair(random);
        Watcher w = watcher();
        cycle(w);
        EmulatedRepo repo = gh.createRepo("acme/from-template");
        repo.change().put("README.md", "# app\n").commitSilently();
        EmulatedRepo.PushResult leak =
                repo.change().put("config/app.yml", yaml(key)).commitSilently();
        repo.announceCreated("octocat");
        CycleReport r = cycle(w);
        assertEquals(1, r.pushesProcessed());
        assertOneAlert(key, leak.head(), "config/app.yml", 3);
    }

    @Test
    void aNewBranchPushAndItsCreateEventAreReadOnce() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        EmulatedRepo repo = gh.createRepo("acme/both-events");
        repo.change().put("README.md", "# app\n").push();
        Watcher w = watcher();
        cycle(w);
        EmulatedRepo.PushResult push =
                repo.change("feature").put("src/config.yml", yaml(key)).push();
        repo.announceBranch("feature"); // GitHub sends both for a push that creates a branch
        CycleReport r = cycle(w);
        assertEquals(1, r.pushesProcessed(), "the CreateEvent adds nothing to the push");
        assertOneAlert(key, push.head(), "src/config.yml", 3);
    }

    @Test
    void case4_repositoryMadePublicIsScannedWholeFromAClone() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        EmulatedRepo repo = gh.createRepo("acme/private").makePrivate();
        repo.change().put("README.md", "# app\n").commitSilently();
        EmulatedRepo.PushResult leak =
                repo.change().put("ops/prod.yml", yaml(key)).commitSilently();
        repo.change()
                .remove("ops/prod.yml")
                .commitSilently(); // gone from the tree, still in history
        repo.change("old").put("x.txt", "x\n").commitSilently();
        Watcher w = watcher();
        cycle(w);
        assertEquals(0, alerts.list(null).size(), "private: nothing on the public feed");

        repo.makePublic();
        CycleReport r = cycle(w);
        assertEquals(1, r.pushesProcessed());
        assertOneAlert(key, leak.head(), "ops/prod.yml", 3);
        assertFalse(
                gh.requests("/acme/private.git/git-upload-pack").isEmpty(),
                "cloned over smart HTTP");
        assertTrue(
                !Files.exists(clones) || Files.list(clones).findAny().isEmpty(),
                "the clone is deleted");

        repo.makePublic(); // seen again: scanned again, nothing new
        CycleReport again = cycle(w);
        assertEquals(1, again.pushesProcessed());
        assertEquals(0, again.alertsCreated() + again.alertsReopened());
        assertEquals(1, alerts.list(null).get(0).occurrences().size());
        assertEquals(1, notices.size());
    }

    @Test
    void aPushLongerThanCompareListsIsScannedFromAClone() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        EmulatedRepo repo = gh.createRepo("acme/long");
        repo.change().put("README.md", "# app\n").push();
        Watcher w = watcher();
        cycle(w);
        EmulatedRepo.ChangeBuilder b = repo.change().put("f0", "0\n");
        for (int i = 1; i < 260; i++) {
            b.nextCommit("c" + i).put("f" + i, i + "\n");
            if (i == 7) b.put("conf/k.yml", yaml(key));
        }
        EmulatedRepo.PushResult push = b.push();
        cycle(w);
        assertOneAlert(key, push.commits().get(7), "conf/k.yml", 3);
        assertFalse(
                gh.requests("/acme/long.git/git-upload-pack").isEmpty(),
                "cloned: compare lists 250 commits at most");
    }

    @Test
    void case5_pairCompletedFarFromThePatchContextIsFoundInTheFile() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        EmulatedRepo repo = gh.createRepo("acme/farpair");
        StringBuilder first = new StringBuilder("access_key_id: " + key.id() + "\n");
        for (int i = 0; i < 10; i++) first.append("filler").append(i).append(": x\n");
        repo.change().put("app.yml", first.toString()).push();
        Watcher w = watcher();
        cycle(w);
        assertEquals(0, alerts.list(null).size(), "an ID alone is not a leaked pair");

        EmulatedRepo.PushResult push =
                repo.change()
                        .put("app.yml", first + "access_key_secret: " + key.secret() + "\n")
                        .push();
        cycle(w);
        assertOneAlert(key, push.head(), "app.yml", 1);
        assertFalse(
                gh.requests("/repos/acme/farpair/contents/app.yml").isEmpty(),
                "completed from the file at that commit");
        assertNothingNewWhenSeenAgain(w, repo, push);
    }

    @Test
    void case6_largeFileWithoutPatchIsReadUpToTheLimitAndTheRestRecordedAsNotScanned()
            throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        EmulatedRepo repo = gh.createRepo("acme/big");
        repo.change().put("README.md", "# app\n").push();
        Watcher w =
                watcher(
                        WatchSettings.defaults(List.of(Source.publicEvents()))
                                .withMaxFileBytes(64 << 10));
        cycle(w);
        gh.setMaxPatchBytes(1000); // GitHub omits patches of big diffs
        StringBuilder big = new StringBuilder(yaml(key));
        while (big.length() < 300_000) big.append("data: ").append(big.length()).append('\n');
        EmulatedRepo.PushResult push = repo.change().put("dump/data.yml", big.toString()).push();

        cycle(w);
        assertOneAlert(key, push.head(), "dump/data.yml", 3);
        List<ScanGapStore.Gap> gaps = new ScanGapStore(db).list(null, 10);
        assertEquals(1, gaps.size());
        assertEquals("acme/big", gaps.get(0).repo());
        assertEquals(push.head(), gaps.get(0).commit());
        assertEquals("dump/data.yml", gaps.get(0).path());
        assertTrue(
                gaps.get(0).reason().contains("not scanned beyond the first 65536 bytes"),
                gaps.get(0).reason());
        assertNothingNewWhenSeenAgain(w, repo, push);
        assertEquals(1, new ScanGapStore(db).list(null, 10).size(), "recorded once");
    }

    @Test
    void inlineIgnoreMarkersDoNotHidePublishedPairs() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        Watcher w = watcher();
        EmulatedRepo.PushResult push =
                gh.createRepo("acme/ignored")
                        .change()
                        .put(
                                "a.properties",
                                "alibaba.accessKeyId="
                                        + key.id()
                                        + " # akguard:ignore\nalibaba.accessKeySecret="
                                        + key.secret()
                                        + "\n")
                        .push();
        cycle(w);
        assertOneAlert(key, push.head(), "a.properties", 1);
    }

    @Test
    void aRepositoryWatchedForTheFirstTimeIsScannedWholeOnce() throws Exception {
        TestKeys.Pair key = TestKeys.pair(random);
        EmulatedRepo repo = gh.createRepo("acme/legacy");
        EmulatedRepo.PushResult old = repo.change().put("old/app.yml", yaml(key)).commitSilently();
        repo.change().remove("old/app.yml").commitSilently();
        Watcher w =
                watcher(
                        WatchSettings.defaults(List.of(Source.repo("acme/legacy")))
                                .withClone(
                                        new CloneLimits(
                                                64L << 20, Duration.ofMinutes(2), clones, 1)));
        CycleReport first = cycle(w);
        assertEquals(1, first.pushesProcessed());
        assertOneAlert(key, old.head(), "old/app.yml", 3);
        CycleReport again = cycle(w);
        assertEquals(0, again.pushesProcessed(), "first seen only once");
        assertEquals(1, gh.requests("/acme/legacy.git/git-upload-pack").size());
    }

    @Test
    void onePushWithManyPairsRaisesAtMostTheCapPlusOneGroupedAlert() throws Exception {
        Watcher w =
                watcher(
                        WatchSettings.defaults(List.of(Source.publicEvents()))
                                .withMaxAlertsPerPush(5));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            TestKeys.Pair k = TestKeys.pair(random);
            many.append("[profile")
                    .append(i)
                    .append("]\naccess_key_id = ")
                    .append(k.id())
                    .append("\naccess_key_secret = ")
                    .append(k.secret())
                    .append("\n\n");
        }
        gh.createRepo("acme/flood").change().put("credentials", many.toString()).push();
        CycleReport r = cycle(w);
        assertEquals(6, r.alertsCreated(), "5, plus one standing for the rest");
        List<Alert> all = alerts.list(null);
        assertEquals(6, all.size());
        assertEquals(6, notices.size(), "only recorded alerts are announced (and verified)");
        long grouped =
                all.stream()
                        .flatMap(a -> a.history().stream())
                        .filter(h -> h.action().equals("grouped"))
                        .count();
        assertEquals(1, grouped);
        assertTrue(
                all.stream()
                        .flatMap(a -> a.history().stream())
                        .anyMatch(h -> h.note().contains("held 34 more leaked pair(s)")),
                all.toString());
    }
}
