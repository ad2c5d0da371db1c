package dev.akguard.cli.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.testkit.corpus.FakeKeys;
import dev.akguard.testkit.git.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server-side hook for real: `akguard hook install --pre-receive` in a bare repository, then
 * `git push` from a clone. git runs the hook inside its quarantine environment (the pushed objects
 * are not in the repository's object store until the hook accepts them), so these pushes also prove
 * the check reads them from there.
 */
class PreReceiveEndToEndTest {
    @TempDir Path tmp;
    GitFixture git;
    Path server;
    Path work;
    Path launcher;
    final Random rnd = new Random(77);

    @BeforeEach
    void setUp() throws Exception {
        git = new GitFixture(tmp);
        launcher = TestLauncher.create(tmp.resolve("bin"));
        server = git.initBare(tmp.resolve("server.git"));
        work = git.init(tmp.resolve("work"));
        git.git(work, "remote", "add", "origin", server.toString());
        git.commitFile(work, "README.md", "hello\n", "base");
        git.git(work, "push", "-q", "-u", "origin", "main");
        assertEquals(
                0,
                dev.akguard.cli.Main.run(
                        "hook",
                        "install",
                        "--pre-receive",
                        "--repo",
                        server.toString(),
                        "--launcher",
                        launcher.toString(),
                        "--no-warm-up"));
        assertTrue(Files.isExecutable(server.resolve("hooks/pre-receive")));
    }

    String keyFile() {
        return "access_key_id = "
                + FakeKeys.accessKeyId(rnd)
                + "\naccess_key_secret = "
                + FakeKeys.secret(rnd)
                + "\n";
    }

    String serverRef(String ref) {
        GitFixture.Result r = git.tryGit(server, "rev-parse", "--verify", "-q", ref);
        return r.exit() == 0 ? r.out().trim() : null;
    }

    @Test
    void aKeyIsRejectedEvenWhenALaterCommitDeletesIt() {
        String before = serverRef("refs/heads/main");
        String leaking = git.commitFile(work, "conf/app.properties", keyFile(), "add config");
        git.git(work, "rm", "-q", "conf/app.properties");
        git.git(work, "commit", "-q", "-m", "remove config again");
        GitFixture.Result push = git.tryGit(work, "push", "origin", "main");
        assertNotEquals(0, push.exit(), push.err());
        String msg = push.out() + push.err();
        assertTrue(msg.contains("pre-receive hook declined"), msg);
        assertTrue(
                msg.contains("remote: conf/app.properties:1:"),
                "the finding reaches the pusher: " + msg);
        assertTrue(msg.contains(leaking), "names the commit: " + msg);
        assertTrue(msg.contains("push rejected by the server"), msg);
        assertEquals(before, serverRef("refs/heads/main"), "nothing stored");
        // git removes the quarantine: the rejected objects never entered the server's object store.
        assertNotEquals(0, git.tryGit(server, "cat-file", "-e", leaking).exit());
    }

    @Test
    void theHookItselfExitsOneWithTheMessage() {
        // git only says "declined"; run the hook command by hand, as git would, to see its exit
        // code. The commit's
        // objects are in an unguarded server copy but no ref there has them, as in git's
        // quarantine.
        String newId = git.commitFile(work, "k.txt", keyFile(), "key");
        Path unguarded = git.initBare(tmp.resolve("unguarded.git"));
        git.git(work, "push", "-q", unguarded.toString(), "main:refs/tmp/x");
        git.git(unguarded, "update-ref", "-d", "refs/tmp/x");
        GitFixture.Result r =
                git.run(
                        unguarded,
                        "0000000000000000000000000000000000000000 " + newId + " refs/heads/main\n",
                        launcher.toString(),
                        "hook",
                        "pre-receive");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("push rejected by the server"), r.err());
        GitFixture.Result garbage =
                git.run(
                        unguarded,
                        "not a ref update\n",
                        launcher.toString(),
                        "hook",
                        "pre-receive");
        assertEquals(2, garbage.exit());
        assertTrue(
                garbage.err().contains("in pre-receive input line 'not a ref update'"),
                garbage.err());
    }

    @Test
    void cleanPushesNewBranchesTagsAndDeletionsPass() {
        git.commitFile(work, "src/App.java", "class App {}\n", "clean");
        git.git(work, "push", "-q", "origin", "main");
        assertEquals(git.head(work), serverRef("refs/heads/main"));
        git.git(work, "checkout", "-q", "-b", "feature");
        git.commitFile(work, "src/B.java", "class B {}\n", "feature work");
        git.git(work, "tag", "-a", "v1", "-m", "release");
        git.git(work, "push", "-q", "origin", "feature", "v1");
        assertEquals(git.head(work), serverRef("refs/heads/feature"));
        git.git(work, "push", "-q", "origin", "--delete", "feature");
        assertNull(serverRef("refs/heads/feature"));
    }

    @Test
    void aBranchWhoseCommitsTheServerHasPassesWithoutScanningThem() throws Exception {
        // Old history with a key the server accepted before the hook existed (pushed to an
        // unguarded copy first).
        Files.delete(server.resolve("hooks/pre-receive"));
        git.commitFile(work, "old.properties", keyFile(), "old key, accepted long ago");
        git.git(work, "push", "-q", "origin", "main");
        assertEquals(
                0,
                dev.akguard.cli.Main.run(
                        "hook",
                        "install",
                        "--pre-receive",
                        "--repo",
                        server.toString(),
                        "--launcher",
                        launcher.toString(),
                        "--no-warm-up"));
        // A new branch at a commit the server already has: nothing new, accepted; the old key is
        // not re-judged.
        git.git(work, "branch", "copy");
        GitFixture.Result push = git.tryGit(work, "push", "origin", "copy");
        assertEquals(0, push.exit(), push.err());
        assertEquals(git.head(work), serverRef("refs/heads/copy"));
        // And a new commit on top is judged by what it adds only.
        git.commitFile(work, "notes.txt", "clean\n", "clean on top");
        assertEquals(0, git.tryGit(work, "push", "origin", "main").exit());
    }

    @Test
    void theServersBaselineAndConfigApply() throws Exception {
        String content = keyFile();
        git.commitFile(work, "accepted.properties", content, "a key the server accepts");
        GitFixture.Result rejected = git.tryGit(work, "push", "origin", "main");
        assertNotEquals(0, rejected.exit());
        // The administrator accepts it in the server's baseline (keyed by fingerprint) in the bare
        // repository folder.
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        Files.writeString(scratch.resolve("accepted.properties"), content);
        assertEquals(0, dev.akguard.cli.Main.run("baseline", "create", scratch.toString()));
        Files.copy(
                scratch.resolve(".akguard-baseline.json"),
                server.resolve(".akguard-baseline.json"));
        assertEquals(0, git.tryGit(work, "push", "origin", "main").exit());
        // The server's config: excluded paths are not checked.
        Files.writeString(server.resolve(".akguard.json"), "{\"exclude\": [\"fixtures/**\"]}");
        git.commitFile(work, "fixtures/k.properties", keyFile(), "test fixture");
        assertEquals(0, git.tryGit(work, "push", "origin", "main").exit());
    }
}
