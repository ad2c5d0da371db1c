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
 * The real thing: the git binary runs the installed hook scripts, which run akguard (through {@link
 * TestLauncher}), pushing to a local bare remote. Each case checks both akguard's verdict and what
 * the remote ended up with.
 */
class GitHooksEndToEndTest {
    @TempDir Path tmp;
    GitFixture git;
    Path remote;
    Path work;
    Path launcher;
    final Random rnd = new Random(2024);
    String id;
    String secret;

    @BeforeEach
    void setUp() throws Exception {
        git = new GitFixture(tmp);
        launcher = TestLauncher.create(tmp.resolve("bin"));
        remote = git.initBare(tmp.resolve("remote.git"));
        work = git.init(tmp.resolve("work"));
        git.git(work, "remote", "add", "origin", remote.toString());
        git.commitFile(work, "README.md", "hello\n", "base");
        git.git(work, "push", "-q", "-u", "origin", "main");
        id = FakeKeys.accessKeyId(rnd);
        secret = FakeKeys.secret(rnd);
    }

    String keyFile() {
        return "region = cn-hangzhou\naccess_key_id = "
                + id
                + "\naccess_key_secret = "
                + secret
                + "\n";
    }

    GitFixture.Result akguard(Path dir, String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = launcher.toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        return git.run(dir, null, cmd);
    }

    /**
     * Installing runs in-process (it is not what these tests time or isolate); the hooks it writes
     * run for real.
     */
    void install(String... flags) {
        java.util.List<String> args =
                new java.util.ArrayList<>(java.util.List.of("hook", "install"));
        args.addAll(java.util.List.of(flags));
        args.addAll(
                java.util.List.of(
                        "--repo",
                        work.toString(),
                        "--launcher",
                        launcher.toString(),
                        "--no-warm-up"));
        assertEquals(0, dev.akguard.cli.Main.run(args.toArray(String[]::new)));
    }

    String remoteRef(String ref) {
        GitFixture.Result r = git.tryGit(remote, "rev-parse", "--verify", "-q", ref);
        return r.exit() == 0 ? r.out().trim() : null;
    }

    @Test
    void keyAddedThenRemovedIsBlockedWithInstructionsAndCleanPushesPass() {
        install();
        String before = remoteRef("refs/heads/main");
        String leaking = git.commitFile(work, "conf/app.properties", keyFile(), "add config");
        git.git(work, "rm", "-q", "conf/app.properties");
        git.git(work, "commit", "-q", "-m", "oops, remove config");
        GitFixture.Result push = git.tryGit(work, "push", "origin", "main");
        assertNotEquals(0, push.exit(), push.err());
        assertEquals(
                before, remoteRef("refs/heads/main"), "the remote must not receive the commits");
        String msg = push.out() + push.err();
        assertTrue(msg.contains(leaking), "names the commit: " + msg);
        assertTrue(msg.contains("Test Author"), "names the author");
        assertTrue(msg.contains("conf/app.properties:2:"), "names file and line");
        assertTrue(msg.contains(id), "names the AccessKey ID");
        assertTrue(msg.contains(secret.substring(0, 3) + "…"), "shows the secret redacted");
        assertFalse(msg.contains(secret), "never prints the secret");
        assertTrue(
                msg.contains("git rebase -i")
                        && msg.contains("--amend")
                        && msg.contains("filter-repo"),
                "says how to remove it");
        assertTrue(msg.contains("Rotate the key") && msg.contains("RAM console"), "says to rotate");
        assertTrue(
                msg.contains("akguard:ignore") && msg.contains("akguard baseline create"),
                "says how to mark a false positive");
        assertTrue(msg.contains("git push --no-verify"), "says how to bypass");

        // Rewrite history without the key: the push goes through.
        git.git(work, "reset", "-q", "--hard", "origin/main");
        String clean =
                git.commitFile(
                        work,
                        "conf/app.properties",
                        "region = cn-hangzhou\n",
                        "config without keys");
        GitFixture.Result ok = git.tryGit(work, "push", "origin", "main");
        assertEquals(0, ok.exit(), ok.err());
        assertEquals(clean, remoteRef("refs/heads/main"));

        // The hook runs JGit's clean-up itself (no shutdown hook): it must not leave JGit's config
        // locked.
        Path jgitConfig = git.home().resolve(".config/jgit");
        assertFalse(Files.exists(jgitConfig.resolve("config.lock")), "stale lock in " + jgitConfig);
    }

    @Test
    void newBranchesDeletionsForcePushesSeveralRefsAndTags() {
        install();
        // New branch with a key: blocked. New clean branch: passes.
        git.git(work, "checkout", "-q", "-b", "leaky");
        git.commitFile(work, "leak.properties", keyFile(), "leak");
        assertNotEquals(0, git.tryGit(work, "push", "origin", "leaky").exit());
        assertEquals(null, remoteRef("refs/heads/leaky"));
        git.git(work, "checkout", "-q", "-b", "clean", "main");
        String clean = git.commitFile(work, "clean.txt", "nothing to see\n", "clean");
        assertEquals(0, git.tryGit(work, "push", "origin", "clean").exit());
        assertEquals(clean, remoteRef("refs/heads/clean"));

        // Deleting a branch sends no commits: passes.
        GitFixture.Result del = git.tryGit(work, "push", "origin", "--delete", "clean");
        assertEquals(0, del.exit(), del.err());
        assertEquals(null, remoteRef("refs/heads/clean"));

        // Force push that rewrites main with a key: blocked.
        git.git(work, "checkout", "-q", "main");
        git.commitFile(work, "a.txt", "published\n", "published");
        git.git(work, "push", "-q", "origin", "main");
        String published = remoteRef("refs/heads/main");
        git.git(work, "reset", "-q", "--hard", "HEAD~1");
        git.commitFile(work, "a.txt", keyFile(), "rewritten with a key");
        assertNotEquals(0, git.tryGit(work, "push", "--force", "origin", "main").exit());
        assertEquals(published, remoteRef("refs/heads/main"));
        git.git(work, "reset", "-q", "--hard", published);

        // Several refs in one push, only the second leaks: the whole push is refused.
        git.git(work, "checkout", "-q", "-b", "first", "main");
        git.commitFile(work, "first.txt", "fine\n", "fine");
        git.git(work, "checkout", "-q", "-b", "second", "main");
        git.commitFile(work, "second.properties", keyFile(), "leak on second");
        GitFixture.Result multi = git.tryGit(work, "push", "origin", "first", "second");
        assertNotEquals(0, multi.exit());
        assertTrue((multi.out() + multi.err()).contains("second.properties"), multi.err());
        assertEquals(null, remoteRef("refs/heads/first"));

        // An annotated tag on an unpushed commit with a key: blocked.
        git.git(work, "tag", "-a", "v1", "-m", "release");
        GitFixture.Result tag = git.tryGit(work, "push", "origin", "v1");
        assertNotEquals(0, tag.exit());
        assertEquals(null, remoteRef("refs/tags/v1"));
    }

    @Test
    void preCommitBlocksAStagedKeyAndPassesASuppressedOne() throws Exception {
        install("--pre-commit");
        assertTrue(Files.exists(work.resolve(".git/hooks/pre-commit")));
        assertFalse(Files.exists(work.resolve(".git/hooks/pre-push")), "only the hook asked for");
        GitFixture.write(work, "app.properties", keyFile());
        git.git(work, "add", "app.properties");
        GitFixture.Result blocked = git.tryGit(work, "commit", "-m", "add key");
        assertNotEquals(0, blocked.exit());
        assertTrue(
                blocked.err().contains("commit blocked")
                        && blocked.err().contains("git commit --no-verify"),
                blocked.err());
        assertEquals(
                1,
                Integer.parseInt(git.git(work, "rev-list", "--count", "HEAD").out().trim()),
                "no commit was made");

        GitFixture.write(
                work,
                "app.properties",
                "access_key_id = "
                        + id
                        + " # akguard:ignore (test fixture)\naccess_key_secret = "
                        + secret
                        + " # akguard:ignore\n");
        git.git(work, "add", "app.properties");
        GitFixture.Result ok = git.tryGit(work, "commit", "-q", "-m", "suppressed fixture");
        assertEquals(0, ok.exit(), ok.err());

        // `git commit -a` stages into a temporary index (GIT_INDEX_FILE): the hook must read that
        // one.
        GitFixture.write(work, "app.properties", keyFile());
        GitFixture.Result all = git.tryGit(work, "commit", "-a", "-m", "commit -a with a key");
        assertNotEquals(0, all.exit(), all.err());
        assertTrue((all.out() + all.err()).contains("app.properties:2:"), all.err());
        assertEquals(
                2, Integer.parseInt(git.git(work, "rev-list", "--count", "HEAD").out().trim()));
    }

    /**
     * A compiled program's shape, built here (no binary is committed): noise, NULs, and the key as
     * string constants.
     */
    byte[] binaryWithKey() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] noise = new byte[4096];
        rnd.nextBytes(noise);
        out.writeBytes(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        out.writeBytes(noise);
        out.writeBytes(
                ("\0access_key_id\0" + id + "\0access_key_secret\0" + secret + "\0")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeBytes(noise);
        return out.toByteArray();
    }

    byte[] jarWithKey() throws java.io.IOException {
        java.io.ByteArrayOutputStream bo = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(bo)) {
            z.putNextEntry(new java.util.zip.ZipEntry("config/application.properties"));
            z.write(keyFile().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return bo.toByteArray();
    }

    @Test
    void aBinaryOrAnArchiveWithAKeyInsideIsBlockedLikeText() throws Exception {
        install("--pre-commit", "--pre-push");
        Files.write(work.resolve("agent"), binaryWithKey());
        git.git(work, "add", "agent");
        GitFixture.Result blocked = git.tryGit(work, "commit", "-m", "add the agent binary");
        assertNotEquals(0, blocked.exit());
        String msg = blocked.out() + blocked.err();
        assertTrue(
                msg.contains("commit blocked") && msg.contains("agent:") && msg.contains(id), msg);
        assertTrue(msg.contains("binary"), "says the key is in a binary: " + msg);
        assertFalse(msg.contains(secret), "never prints the secret");
        assertEquals(
                1,
                Integer.parseInt(git.git(work, "rev-list", "--count", "HEAD").out().trim()),
                "no commit was made");
        git.git(work, "rm", "-q", "--cached", "agent");
        Files.delete(work.resolve("agent"));

        // Committed with --no-verify, the jar is still stopped at the push, named down to the
        // entry.
        Files.write(work.resolve("lib.jar"), jarWithKey());
        git.git(work, "add", "lib.jar");
        git.git(work, "commit", "-q", "--no-verify", "-m", "add a jar");
        String before = remoteRef("refs/heads/main");
        GitFixture.Result push = git.tryGit(work, "push", "origin", "main");
        assertNotEquals(0, push.exit(), push.err());
        assertEquals(before, remoteRef("refs/heads/main"), "the remote must not receive the jar");
        assertTrue(
                (push.out() + push.err()).contains("lib.jar!/config/application.properties:2:"),
                push.err());
    }

    @Test
    void installChainsAnExistingHookKeepsItsStdinAndRespectsCoreHooksPath() throws Exception {
        git.git(work, "config", "core.hooksPath", ".githooks");
        Path record = tmp.resolve("chained-stdin.txt");
        Path existing =
                GitFixture.write(
                        work,
                        ".githooks/pre-push",
                        "#!/bin/sh\ncat > '" + record + "'\necho \"chained $1\" >&2\n");
        assertTrue(existing.toFile().setExecutable(true));
        install();
        assertTrue(Files.exists(work.resolve(".githooks/pre-push.local")));
        assertFalse(
                Files.exists(work.resolve(".git/hooks/pre-push")),
                "core.hooksPath wins over .git/hooks");
        install(); // idempotent
        assertFalse(Files.exists(work.resolve(".githooks/pre-push.local.local")));

        String leak = git.commitFile(work, "leak.properties", keyFile(), "leak");
        GitFixture.Result push = git.tryGit(work, "push", "origin", "main");
        assertNotEquals(
                0, push.exit(), "akguard still saw the refs after the chained hook read them");
        assertTrue(push.err().contains("chained origin"), push.err());
        assertTrue(
                Files.readString(record).contains("refs/heads/main " + leak + " refs/heads/main "),
                "the chained hook got git's stdin");

        GitFixture.Result un = akguard(work, "hook", "uninstall");
        assertEquals(0, un.exit(), un.err());
        assertTrue(un.out().contains("pre-push hook removed"), un.out());
        assertTrue(
                Files.readString(work.resolve(".githooks/pre-push")).contains("chained"),
                "the original hook is back");
        assertEquals(
                0,
                git.tryGit(work, "push", "-q", "origin", "main").exit(),
                "without akguard the push goes through");
    }

    @Test
    void tildeInCoreHooksPathFollowsHomeAsGitDoes() {
        git.git(work, "config", "core.hooksPath", "~/myhooks");
        // the install runs where HOME is the sandbox's home, not this JVM's (passwd) home
        GitFixture.Result in =
                akguard(work, "hook", "install", "--launcher", launcher.toString(), "--no-warm-up");
        assertEquals(0, in.exit(), in.err());
        Path hook = git.home().resolve("myhooks/pre-push");
        assertTrue(Files.isRegularFile(hook), "installed where git looks: " + in.out() + in.err());
        assertTrue((in.out() + in.err()).contains(hook.toString()), in.out() + in.err());
        git.commitFile(work, "leak.properties", keyFile(), "leak");
        GitFixture.Result push = git.tryGit(work, "push", "origin", "main");
        assertNotEquals(0, push.exit(), "git ran the hook, which blocked the key: " + push.err());
    }

    @Test
    void installRefusesWhenGitWouldRunHooksFromElsewhere() {
        git.env().put("GIT_CONFIG_COUNT", "1");
        git.env().put("GIT_CONFIG_KEY_0", "core.hooksPath");
        git.env().put("GIT_CONFIG_VALUE_0", tmp.resolve("elsewhere").toString());
        GitFixture.Result in =
                akguard(work, "hook", "install", "--launcher", launcher.toString(), "--no-warm-up");
        assertEquals(2, in.exit(), in.out() + in.err());
        assertTrue(
                in.err().contains("git runs hooks from " + tmp.resolve("elsewhere"))
                        && in.err().contains("nothing was installed"),
                in.err());
        assertFalse(Files.exists(work.resolve(".git/hooks/pre-push")));
    }
}
