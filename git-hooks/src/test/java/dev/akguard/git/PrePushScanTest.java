package dev.akguard.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.git.push.PrePushScan;
import dev.akguard.git.push.PushRange;
import dev.akguard.git.push.PushUpdate;
import dev.akguard.git.scan.ScanResult;
import dev.akguard.testkit.git.GitFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-push service against real repositories made with the git binary: which commits, which
 * lines.
 */
class PrePushScanTest {
    @TempDir Path tmp;
    GitFixture git;
    Path remote;
    Path work;
    final Random rnd = new Random(42);
    String base;

    @BeforeEach
    void setUp() {
        git = new GitFixture(tmp);
        remote = git.initBare(tmp.resolve("remote.git"));
        work = git.init(tmp.resolve("work"));
        git.git(work, "remote", "add", "origin", remote.toString());
        base = git.commitFile(work, "README.md", "hello\n", "base");
        git.git(work, "push", "-q", "origin", "main");
    }

    ScanResult push(String... lines) {
        try (Repository repo = GitRepos.open(work)) {
            List<PushUpdate> updates =
                    java.util.Arrays.stream(lines).map(PushUpdate::parse).toList();
            return PrePushScan.run(repo, Engine.defaults(), "origin", updates);
        }
    }

    static String zeros() {
        return ObjectId.zeroId().name();
    }

    @Test
    void keyAddedThenRemovedInALaterCommitStillBlocks() {
        Keys k = Keys.random(rnd);
        String added = git.commitFile(work, "conf/app.properties", k.properties(), "add config");
        git.git(work, "rm", "-q", "conf/app.properties");
        git.git(work, "commit", "-q", "-m", "remove config");
        String tip = git.head(work);
        ScanResult r = push("refs/heads/main " + tip + " refs/heads/main " + base);
        assertEquals(2, r.commits());
        assertEquals(1, r.findings().size(), r.findings().toString());
        Finding f = r.findings().get(0);
        assertEquals("alibaba-access-key-pair", f.ruleId());
        assertEquals(k.id(), f.accessKeyId());
        assertEquals("conf/app.properties", f.path());
        assertEquals(3, f.id().line());
        assertNotNull(f.git());
        assertEquals(added, f.git().commit());
        assertEquals("Test Author", f.git().author());
        assertEquals("author@example.invalid", f.git().email());
    }

    @Test
    void cleanPushFindsNothing() {
        git.commitFile(
                work, "src/App.java", "class App { String region = \"cn-hangzhou\"; }\n", "app");
        ScanResult r = push("refs/heads/main " + git.head(work) + " refs/heads/main " + base);
        assertEquals(1, r.commits());
        assertTrue(r.findings().isEmpty());
    }

    @Test
    void onlyLinesThePushAddsCount() {
        Keys k = Keys.random(rnd);
        git.commitFile(work, "app.properties", k.properties(), "key already published");
        git.git(work, "push", "-q", "origin", "main");
        String published = git.head(work);
        // Editing another line, and renaming the file, do not add the key again.
        git.commitFile(
                work,
                "app.properties",
                k.properties().replace("cn-hangzhou", "cn-shanghai"),
                "edit region");
        git.git(work, "mv", "app.properties", "settings.properties");
        git.git(work, "commit", "-q", "-m", "rename");
        ScanResult r = push("refs/heads/main " + git.head(work) + " refs/heads/main " + published);
        assertEquals(2, r.commits());
        assertTrue(r.findings().isEmpty(), r.findings().toString());
    }

    @Test
    void aSecretAddedNextToAnExistingIdCounts() {
        Keys k = Keys.random(rnd);
        git.commitFile(work, "app.properties", "# settings\n" + k.idLine(), "id only");
        git.git(work, "push", "-q", "origin", "main");
        String published = git.head(work);
        String c =
                git.commitFile(
                        work,
                        "app.properties",
                        "# settings\n" + k.idLine() + k.secretLine(),
                        "secret added");
        ScanResult r = push("refs/heads/main " + c + " refs/heads/main " + published);
        assertEquals(1, r.findings().size(), r.findings().toString());
        assertEquals("alibaba-access-key-pair", r.findings().get(0).ruleId());
        assertEquals(c, r.findings().get(0).git().commit());
    }

    @Test
    void newBranchScansOnlyWhatTheRemoteLacks() {
        git.git(work, "fetch", "-q", "origin");
        git.git(work, "checkout", "-q", "-b", "feature");
        Keys k = Keys.random(rnd);
        String c = git.commitFile(work, "f.txt", k.properties(), "feature work");
        ScanResult r = push("refs/heads/feature " + c + " refs/heads/feature " + zeros());
        assertEquals(1, r.commits(), "the base commit is on the remote already");
        assertEquals(1, r.findings().size());
    }

    @Test
    void aStaleTrackingRefOfADeletedBranchDoesNotHideItsCommits() {
        git.git(work, "checkout", "-q", "-b", "feature");
        Keys k = Keys.random(rnd);
        String leak = git.commitFile(work, "app.yml", k.properties(), "key");
        git.git(work, "push", "-q", "origin", "feature"); // pushed before akguard was installed
        // server-side clean-up; this clone keeps refs/remotes/origin/feature (no fetch --prune)
        git.git(remote, "branch", "-D", "feature");
        git.git(remote, "gc", "-q", "--prune=now");
        git.git(work, "checkout", "-q", "-b", "other");
        String tip = git.commitFile(work, "README.md", "more\n", "more");
        ScanResult r = push("refs/heads/other " + tip + " refs/heads/other " + zeros());
        assertEquals(2, r.commits(), "the key commit is not on the remote any more");
        assertEquals(1, r.findings().size(), r.findings().toString());
        assertEquals(leak, r.findings().get(0).git().commit());
    }

    @Test
    void aTrackingRefBehindTheRemoteStillCountsAsKnown() {
        // a colleague moves main on; this clone has not fetched since
        Path other = git.init(tmp.resolve("colleague"));
        git.git(other, "remote", "add", "origin", remote.toString());
        git.git(other, "fetch", "-q", "origin");
        git.git(other, "checkout", "-q", "-B", "main", "origin/main");
        git.commitFile(other, "CHANGES.md", "x\n", "colleague");
        git.git(other, "push", "-q", "origin", "main");
        assertEquals(
                base,
                git.git(work, "rev-parse", "refs/remotes/origin/main").out().trim(),
                "this clone's view is behind");
        git.git(work, "checkout", "-q", "-b", "feature");
        String c = git.commitFile(work, "f.txt", "clean\n", "feature work");
        ScanResult r = push("refs/heads/feature " + c + " refs/heads/feature " + zeros());
        assertEquals(1, r.commits(), "the base commit is on the remote: no full-history scan");
    }

    @Test
    void newBranchToARemoteWithoutTrackingRefsScansAllItsHistory() {
        Keys k = Keys.random(rnd);
        git.commitFile(work, "f.txt", k.properties(), "key");
        String tip = git.commitFile(work, "g.txt", "clean\n", "clean");
        try (Repository repo = GitRepos.open(work)) {
            ScanResult r =
                    PrePushScan.run(
                            repo,
                            Engine.defaults(),
                            "/some/other/url.git",
                            List.of(
                                    PushUpdate.parse(
                                            "refs/heads/main "
                                                    + tip
                                                    + " refs/heads/main "
                                                    + zeros())));
            assertEquals(3, r.commits());
            assertEquals(1, r.findings().size());
        }
    }

    @Test
    void deletionSendsNothing() {
        ScanResult r = push("(delete) " + zeros() + " refs/heads/old " + base);
        assertEquals(0, r.commits());
        assertTrue(r.findings().isEmpty());
    }

    @Test
    void forcePushScansTheRewrittenCommitsOnly() {
        git.commitFile(work, "a.txt", "first version\n", "published work");
        git.git(work, "push", "-q", "origin", "main");
        String remoteTip = git.head(work);
        git.git(work, "reset", "-q", "--hard", base);
        Keys k = Keys.random(rnd);
        String rewritten = git.commitFile(work, "a.txt", k.properties(), "rewritten");
        ScanResult r = push("refs/heads/main " + rewritten + " refs/heads/main " + remoteTip);
        assertEquals(1, r.commits());
        assertEquals(1, r.findings().size());
        assertEquals(rewritten, r.findings().get(0).git().commit());
    }

    @Test
    void severalRefsInOnePushAreAllChecked() {
        Keys k1 = Keys.random(rnd), k2 = Keys.random(rnd);
        git.git(work, "checkout", "-q", "-b", "one");
        String c1 = git.commitFile(work, "one.txt", k1.properties(), "one");
        git.git(work, "checkout", "-q", "-b", "two", base);
        String c2 = git.commitFile(work, "two.txt", k2.properties(), "two");
        ScanResult r =
                push(
                        "refs/heads/one " + c1 + " refs/heads/one " + zeros(),
                        "refs/heads/two " + c2 + " refs/heads/two " + zeros());
        assertEquals(2, r.commits());
        assertEquals(
                List.of(k1.id(), k2.id()).stream().sorted().toList(),
                r.findings().stream().map(Finding::accessKeyId).sorted().toList());
    }

    @Test
    void annotatedTagIsPeeledToItsCommit() {
        Keys k = Keys.random(rnd);
        git.commitFile(work, "release.txt", k.properties(), "release");
        git.git(work, "tag", "-a", "v1", "-m", "release v1");
        String tagObject = git.rev(work, "v1");
        ScanResult r = push("refs/tags/v1 " + tagObject + " refs/tags/v1 " + zeros());
        assertEquals(1, r.commits());
        assertEquals(1, r.findings().size());
    }

    @Test
    void mergeReportsOnlyWhatItIntroducesItself() {
        Keys onBranch = Keys.random(rnd), inMerge = Keys.random(rnd);
        git.git(work, "checkout", "-q", "-b", "side");
        String sideCommit = git.commitFile(work, "side.txt", onBranch.properties(), "side key");
        git.git(work, "checkout", "-q", "main");
        git.commitFile(work, "main.txt", "main work\n", "main work");
        git.git(work, "merge", "-q", "--no-ff", "--no-commit", "side");
        GitFixture.write(
                work, "resolution.txt", inMerge.properties()); // a key typed during the merge
        git.git(work, "add", "resolution.txt");
        git.git(work, "commit", "-q", "-m", "merge side");
        String merge = git.head(work);
        ScanResult r = push("refs/heads/main " + merge + " refs/heads/main " + base);
        assertEquals(3, r.commits());
        assertEquals(2, r.findings().size(), r.findings().toString());
        assertEquals(sideCommit, r.findings().get(0).git().commit());
        assertEquals(onBranch.id(), r.findings().get(0).accessKeyId());
        assertEquals(merge, r.findings().get(1).git().commit());
        assertEquals(inMerge.id(), r.findings().get(1).accessKeyId());
    }

    @Test
    void inlineSuppressionAndConfigExcludesApply() {
        Keys k1 = Keys.random(rnd), k2 = Keys.random(rnd);
        GitFixture.write(
                work,
                "ok.properties",
                "access_key_id = "
                        + k1.id()
                        + " # akguard:ignore\naccess_key_secret = "
                        + k1.secret()
                        + " # akguard:ignore\n");
        GitFixture.write(work, "vendor/lib.properties", k2.properties());
        String c = git.commitAll(work, "suppressed");
        Engine engine =
                Engine.create(
                        dev.akguard.core.ScanSettings.defaults()
                                .withConfig(
                                        dev.akguard.core.suppress.Config.parse(
                                                "{\"exclude\": [\"vendor/\"]}", "test")));
        try (Repository repo = GitRepos.open(work)) {
            ScanResult r =
                    PrePushScan.run(
                            repo,
                            engine,
                            "origin",
                            List.of(
                                    PushUpdate.parse(
                                            "refs/heads/main " + c + " refs/heads/main " + base)));
            assertTrue(r.findings().isEmpty(), r.findings().toString());
        }
    }

    @Test
    void malformedInputIsAClearError() {
        GitException e =
                assertThrows(GitException.class, () -> PushUpdate.parse("refs/heads/main abc"));
        assertTrue(e.getMessage().contains("pre-push"), e.getMessage());
        GitException missing =
                assertThrows(
                        GitException.class,
                        () ->
                                push(
                                        "refs/heads/main "
                                                + "1234567890123456789012345678901234567890"
                                                + " refs/heads/main "
                                                + base));
        assertTrue(missing.getMessage().contains("not in this repository"), missing.getMessage());
    }

    /** Runs the range computation with an advertisement that counts how often it is asked. */
    final class CountingRemote implements PushRange.Advertisement {
        int asked;

        @Override
        public Optional<Map<String, ObjectId>> refs(Repository repo, String name) {
            asked++;
            Map<String, ObjectId> refs = new java.util.LinkedHashMap<>();
            for (String line : git.git(work, "ls-remote", name).ok().out().split("\n")) {
                String[] idAndName = line.split("\t");
                if (idAndName.length == 2)
                    refs.put(idAndName[1], ObjectId.fromString(idAndName[0]));
            }
            return Optional.of(refs);
        }
    }

    List<String> range(CountingRemote remoteRefs, String... lines) {
        try (Repository repo = GitRepos.open(work);
                RevWalk walk = new RevWalk(repo)) {
            List<PushUpdate> updates =
                    java.util.Arrays.stream(lines).map(PushUpdate::parse).toList();
            return PushRange.commits(repo, walk, "origin", updates, remoteRefs).stream()
                    .map(RevCommit::name)
                    .toList();
        }
    }

    @Test
    void commitsOnTopOfABranchTheRemoteHasNeedNoQuestionToTheRemote() {
        git.git(work, "checkout", "-q", "-b", "feature");
        git.commitFile(work, "a.txt", "one\n", "one");
        git.git(work, "push", "-q", "origin", "feature");
        String published = git.head(work);
        String c1 = git.commitFile(work, "b.txt", "two\n", "two");
        String c2 = git.commitFile(work, "c.txt", "three\n", "three");
        CountingRemote remoteRefs = new CountingRemote();
        assertEquals(
                List.of(c1, c2),
                range(remoteRefs, "refs/heads/feature " + c2 + " refs/heads/feature " + published));
        assertEquals(0, remoteRefs.asked, "origin/main and origin/feature exclude nothing more");
    }

    @Test
    void aNewBranchAsksTheRemoteOnceBecauseTrackingRefsWouldNarrowIt() {
        git.git(work, "checkout", "-q", "-b", "feature");
        String c = git.commitFile(work, "f.txt", "clean\n", "feature work");
        CountingRemote remoteRefs = new CountingRemote();
        assertEquals(
                List.of(c),
                range(remoteRefs, "refs/heads/feature " + c + " refs/heads/feature " + zeros()));
        assertEquals(1, remoteRefs.asked);
    }

    @Test
    void aStaleTrackingRefIsCaughtWhenItWouldNarrowAnUpdate() {
        // A branch the server deleted, whose commits the update below would bring back.
        git.git(work, "checkout", "-q", "-b", "old-feature");
        Keys k = Keys.random(rnd);
        String leak = git.commitFile(work, "app.yml", k.properties(), "key");
        git.git(work, "push", "-q", "origin", "old-feature");
        git.git(remote, "branch", "-D", "old-feature");
        git.git(remote, "gc", "-q", "--prune=now");
        git.git(work, "checkout", "-q", "main");
        git.git(work, "merge", "-q", "--no-ff", "-m", "merge old work", "old-feature");
        String merge = git.head(work);
        CountingRemote remoteRefs = new CountingRemote();
        assertEquals(
                List.of(leak, merge),
                range(remoteRefs, "refs/heads/main " + merge + " refs/heads/main " + base));
        assertEquals(1, remoteRefs.asked, "origin/old-feature would have hidden the key commit");
    }
}
