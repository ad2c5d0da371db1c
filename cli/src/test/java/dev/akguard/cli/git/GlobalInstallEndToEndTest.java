package dev.akguard.cli.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
 * `akguard hook install --global` with the real git: the sandbox's global config gets
 * core.hooksPath, repositories that never ran `hook install` are protected, and a repository's own
 * hooks still run.
 */
class GlobalInstallEndToEndTest {
    @TempDir Path tmp;
    GitFixture git;
    Path launcher;
    Path remote;
    final Random rnd = new Random(99);

    @BeforeEach
    void setUp() throws Exception {
        git = new GitFixture(tmp);
        launcher = TestLauncher.create(tmp.resolve("bin"));
        remote = git.initBare(tmp.resolve("remote.git"));
    }

    GitFixture.Result akguard(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = launcher.toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        return git.run(tmp, null, cmd);
    }

    String globalHooksPath() {
        GitFixture.Result r = git.tryGit(tmp, "config", "--global", "--get", "core.hooksPath");
        return r.exit() == 0 ? r.out().trim() : null;
    }

    Path clone(String name) {
        Path w = git.init(tmp.resolve(name));
        git.git(w, "remote", "add", "origin", remote.toString());
        git.commitFile(w, name + ".md", "hello\n", "base " + name);
        return w;
    }

    String keyFile() {
        return "access_key_id = "
                + FakeKeys.accessKeyId(rnd)
                + "\naccess_key_secret = "
                + FakeKeys.secret(rnd)
                + "\n";
    }

    @Test
    void freshRepositoriesAreProtectedAndOwnHooksStillRunThenUninstallRestores() throws Exception {
        GitFixture.Result install =
                akguard(
                        "hook",
                        "install",
                        "--global",
                        "--pre-commit",
                        "--pre-push",
                        "--launcher",
                        launcher.toString(),
                        "--no-warm-up");
        assertEquals(0, install.exit(), install.err());
        Path dir = git.home().resolve(".akguard/hooks");
        assertEquals(dir.toString(), globalHooksPath());
        assertTrue(
                Files.isExecutable(dir.resolve("pre-push"))
                        && Files.isExecutable(dir.resolve("commit-msg")));

        // A fresh repository with no hook of its own: the commit with a key is blocked by the
        // global pre-commit hook.
        Path fresh = clone("fresh");
        GitFixture.write(fresh, "app.properties", keyFile());
        git.git(fresh, "add", "app.properties");
        GitFixture.Result commit = git.tryGit(fresh, "commit", "-q", "-m", "key");
        assertNotEquals(0, commit.exit());
        assertTrue(commit.err().contains("commit blocked"), commit.err());
        // ...and the pre-push hook blocks a push of a key committed past it.
        git.git(fresh, "commit", "-q", "--no-verify", "-m", "key anyway");
        GitFixture.Result push = git.tryGit(fresh, "push", "origin", "main");
        assertNotEquals(0, push.exit());
        assertTrue(push.err().contains("push blocked"), push.err());

        // A repository with hooks of its own: they still run (commit-msg and pre-push, which reads
        // git's stdin too).
        Path own = clone("own");
        Path marks = tmp.resolve("marks.txt");
        Path hooks = own.resolve(".git/hooks");
        Files.writeString(
                hooks.resolve("commit-msg"), "#!/bin/sh\necho commit-msg >> '" + marks + "'\n");
        Files.writeString(
                hooks.resolve("pre-push"),
                "#!/bin/sh\nwhile read l r rr rs; do echo \"pre-push $r\" >> '"
                        + marks
                        + "'; done\n");
        assertTrue(
                hooks.resolve("commit-msg").toFile().setExecutable(true)
                        && hooks.resolve("pre-push").toFile().setExecutable(true));
        String clean = git.commitFile(own, "notes.txt", "clean\n", "clean");
        git.git(own, "push", "-q", "origin", "main:own");
        String log = Files.readString(marks);
        assertTrue(log.contains("commit-msg"), log);
        assertTrue(
                log.contains("pre-push " + clean),
                "the repository's pre-push hook got git's input: " + log);
        // A key there is still blocked after its own hook ran (committed past the pre-commit
        // check).
        GitFixture.write(own, "k.properties", keyFile());
        git.git(own, "add", "k.properties");
        git.git(own, "commit", "-q", "--no-verify", "-m", "key");
        assertNotEquals(0, git.tryGit(own, "push", "origin", "main:own").exit());
        // A repository hook that fails stops the push before akguard (as with per-repository
        // chaining).
        Files.writeString(
                hooks.resolve("pre-push"), "#!/bin/sh\necho own-hook-refused >&2\nexit 3\n");
        GitFixture.Result refused = git.tryGit(own, "push", "origin", "main:other");
        assertTrue(refused.err().contains("own-hook-refused"), refused.err());
        assertFalse(refused.err().contains("push blocked"), refused.err());

        // Uninstall: core.hooksPath is unset again (there was none), and the repository's own hooks
        // run directly.
        GitFixture.Result un = akguard("hook", "uninstall", "--global");
        assertEquals(0, un.exit(), un.err());
        assertEquals(null, globalHooksPath());
        assertFalse(Files.exists(dir.resolve("pre-push")));
        Path after = clone("after");
        git.commitFile(after, "k.properties", keyFile(), "key, unprotected now");
        assertEquals(0, git.tryGit(after, "push", "-q", "origin", "main:after").exit());
    }

    @Test
    void aPreviousGlobalHooksPathIsChainedAndRestored() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("my-hooks"));
        Path marks = tmp.resolve("marks.txt");
        Files.writeString(
                mine.resolve("post-commit"), "#!/bin/sh\necho post-commit >> '" + marks + "'\n");
        assertTrue(mine.resolve("post-commit").toFile().setExecutable(true));
        git.git(tmp, "config", "--global", "core.hooksPath", mine.toString());
        assertEquals(
                0,
                akguard(
                                "hook",
                                "install",
                                "--global",
                                "--launcher",
                                launcher.toString(),
                                "--no-warm-up")
                        .exit());
        // Installing twice keeps the original previous value.
        GitFixture.Result again =
                akguard(
                        "hook",
                        "install",
                        "--global",
                        "--launcher",
                        launcher.toString(),
                        "--no-warm-up");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("updated"), again.out());
        Path repo = clone("repo");
        assertTrue(
                Files.readString(marks).contains("post-commit"),
                "the previous global hook still runs");
        git.commitFile(repo, "k.properties", keyFile(), "key");
        assertNotEquals(0, git.tryGit(repo, "push", "origin", "main").exit());
        assertEquals(0, akguard("hook", "uninstall", "--global").exit());
        assertEquals(mine.toString(), globalHooksPath());
    }
}
