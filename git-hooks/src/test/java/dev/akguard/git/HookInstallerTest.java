package dev.akguard.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.git.hook.HookInstaller;
import dev.akguard.git.hook.HookScript;
import dev.akguard.git.hook.HookType;
import dev.akguard.testkit.git.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where hooks go, chaining, idempotence and clean removal. */
class HookInstallerTest {
    @TempDir Path tmp;
    GitFixture git;
    Path work;
    Path launcher;

    @BeforeEach
    void setUp() throws Exception {
        git = new GitFixture(tmp);
        work = git.init(tmp.resolve("work"));
        launcher = GitFixture.write(tmp, "bin/akguard", "#!/bin/sh\nexit 0\n");
        launcher.toFile().setExecutable(true);
    }

    static <T> T with(Path dir, java.util.function.Function<HookInstaller, T> action) {
        try (Repository repo = GitRepos.open(dir)) {
            return action.apply(new HookInstaller(repo));
        }
    }

    @Test
    void installsAnExecutableScriptThatCallsTheLauncherByAbsolutePath() throws Exception {
        HookInstaller.Outcome o = with(work, i -> i.install(HookType.PRE_PUSH, launcher));
        Path hook = work.resolve(".git/hooks/pre-push");
        assertEquals(HookInstaller.Action.INSTALLED, o.action());
        assertEquals(hook, o.hook());
        assertTrue(Files.isExecutable(hook));
        String script = Files.readString(hook);
        assertTrue(script.contains("AKGUARD='" + launcher.toAbsolutePath() + "'"), script);
        assertTrue(script.contains("hook pre-push \"$@\""), script);
        assertTrue(HookScript.isOurs(script));
        assertEquals(
                HookInstaller.Action.UNCHANGED,
                with(work, i -> i.install(HookType.PRE_PUSH, launcher)).action());
        assertEquals(script, Files.readString(hook), "installing twice changes nothing");
    }

    @Test
    void chainsAnExistingHookAndRestoresItOnUninstall() throws Exception {
        Path hook = GitFixture.write(work, ".git/hooks/pre-push", "#!/bin/sh\necho mine\n");
        hook.toFile().setExecutable(true);
        HookInstaller.Outcome o = with(work, i -> i.install(HookType.PRE_PUSH, launcher));
        Path chained = work.resolve(".git/hooks/pre-push.local");
        assertEquals(chained, o.chained());
        assertEquals("#!/bin/sh\necho mine\n", Files.readString(chained));
        assertTrue(Files.readString(hook).contains("pre-push.local"));
        assertEquals(
                HookInstaller.Action.UNCHANGED,
                with(work, i -> i.install(HookType.PRE_PUSH, launcher)).action());
        assertEquals(
                "#!/bin/sh\necho mine\n",
                Files.readString(chained),
                "a second install must not chain our own script");

        HookInstaller.Outcome removed = with(work, i -> i.uninstall(HookType.PRE_PUSH));
        assertEquals(HookInstaller.Action.REMOVED, removed.action());
        assertEquals("#!/bin/sh\necho mine\n", Files.readString(hook));
        assertFalse(Files.exists(chained));
    }

    @Test
    void neverOverwritesSilently() throws Exception {
        GitFixture.write(work, ".git/hooks/pre-commit", "#!/bin/sh\necho one\n");
        GitFixture.write(work, ".git/hooks/pre-commit.local", "#!/bin/sh\necho two\n");
        GitException e =
                assertThrows(
                        GitException.class,
                        () -> with(work, i -> i.install(HookType.PRE_COMMIT, launcher)));
        assertTrue(e.getMessage().contains("by hand"), e.getMessage());
        assertEquals(
                "#!/bin/sh\necho one\n", Files.readString(work.resolve(".git/hooks/pre-commit")));
        assertEquals(
                HookInstaller.Action.NOT_OURS,
                with(work, i -> i.uninstall(HookType.PRE_COMMIT)).action());
        assertTrue(Files.exists(work.resolve(".git/hooks/pre-commit")));
    }

    @Test
    void honoursRelativeCoreHooksPath() {
        git.git(work, "config", "core.hooksPath", ".githooks");
        HookInstaller.Outcome o = with(work, i -> i.install(HookType.PRE_COMMIT, launcher));
        assertEquals(work.resolve(".githooks/pre-commit").toAbsolutePath().normalize(), o.hook());
        assertTrue(Files.exists(o.hook()));
        assertFalse(Files.exists(work.resolve(".git/hooks/pre-commit")));
    }

    @Test
    void linkedWorktreesShareTheCommonHooksFolder() {
        git.commitFile(work, "a.txt", "a\n", "one");
        Path linked = tmp.resolve("linked");
        git.git(work, "worktree", "add", "-q", linked.toString());
        HookInstaller.Outcome o = with(linked, i -> i.install(HookType.PRE_PUSH, launcher));
        assertEquals(work.resolve(".git/hooks/pre-push").toAbsolutePath().normalize(), o.hook());
        // Git agrees on where it looks.
        String gitPath = git.git(linked, "rev-parse", "--git-path", "hooks").out().trim();
        assertEquals(
                work.resolve(".git/hooks").toAbsolutePath().normalize(),
                linked.resolve(gitPath).toAbsolutePath().normalize());
    }
}
