package dev.akguard.cli.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.testkit.fixtures.TestKeys;
import dev.akguard.testkit.git.GitFixture;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook server end to end, as users get it: the real bin/akguard and akguard.jar (copied into an
 * install folder), its Perl client, real {@code git push} through the installed pre-push hook.
 * Whatever happens to the server, a push that adds a key is blocked.
 */
@Timeout(300)
class HookServerIT {
    static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

    @TempDir Path tmp;
    GitFixture git;
    Path launcher;
    Path jar;
    Path work;
    String base;

    @BeforeEach
    void setUp() throws IOException {
        Path install = tmp.resolve("install");
        Files.createDirectories(install.resolve("bin"));
        Files.createDirectories(install.resolve("lib"));
        launcher = install.resolve("bin/akguard");
        jar = install.resolve("lib/akguard.jar");
        Files.copy(MODULE.resolve("../bin/akguard").normalize(), launcher);
        Files.copy(MODULE.resolve("target/akguard.jar"), jar, StandardCopyOption.COPY_ATTRIBUTES);
        git = new GitFixture(tmp);
        Path run = Files.createDirectories(tmp.resolve("run"));
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwx------"));
        git.env().put("XDG_RUNTIME_DIR", run.toString());
        git.env().put("AKGUARD_HOOK_SERVER", "on");
        Path remote = git.initBare(tmp.resolve("remote.git"));
        work = git.init(tmp.resolve("work"));
        git.git(work, "remote", "add", "origin", remote.toString());
        base = git.commitFile(work, "README.md", "hello\n", "base");
        git.git(work, "push", "-q", "origin", "main");
        GitFixture.Result in =
                git.run(
                        work,
                        null,
                        launcher.toString(),
                        "hook",
                        "install",
                        "--launcher",
                        launcher.toString(),
                        "--no-warm-up");
        assertEquals(0, in.exit(), in.err());
    }

    @AfterEach
    void stopServer() {
        git.run(work, null, launcher.toString(), "hook", "server", "--stop");
    }

    GitFixture.Result server(String option) {
        return git.run(work, null, launcher.toString(), "hook", "server", option);
    }

    Path socket() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("run/akguard"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".sock"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** Waits for a server to answer --status (it starts in the background). */
    String awaitServer() throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            GitFixture.Result s = server("--status");
            if (s.exit() == 0) return s.out();
            Thread.sleep(200);
        }
        throw new AssertionError("no hook server answered within 60 s");
    }

    void awaitNoServer() throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            if (server("--status").exit() == HookServerCommand.NOT_RUNNING) return;
            Thread.sleep(200);
        }
        throw new AssertionError("the hook server is still answering after 30 s");
    }

    /**
     * A clean push starts a server, which is then stopped: its socket path is free for whatever a
     * test puts there.
     */
    Path socketOfAStoppedServer() throws Exception {
        git.commitFile(work, "a.txt", "clean\n", "clean work");
        assertEquals(0, git.tryGit(work, "push", "-q", "origin", "main").exit());
        awaitServer();
        Path sock = socket();
        assertEquals(0, server("--stop").exit());
        awaitNoServer();
        return sock;
    }

    /** Commits a new key and pushes: must be blocked, whichever way the check ran. */
    void assertKeyPushIsBlocked(String file) {
        TestKeys.Pair key = TestKeys.pair();
        git.commitFile(work, file, key.properties(), "add " + file);
        GitFixture.Result push = git.tryGit(work, "push", "origin", "main");
        String printed = push.out() + push.err(); // the hook's report goes to git's stdout
        assertEquals(1, push.exit(), printed);
        assertTrue(push.out().contains(key.id()), printed);
        assertTrue(push.out().contains(file), printed);
        assertTrue(push.err().contains("git push --no-verify"), printed);
        assertFalse(printed.contains(key.secret()), "the secret is never printed");
        git.git(work, "reset", "-q", "--hard", "HEAD~1");
    }

    static int answered(String status) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d+) checks answered").matcher(status);
        assertTrue(m.find(), status);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theFirstHookStartsTheServerAndLaterHooksAreAnsweredByIt() throws Exception {
        git.commitFile(work, "a.txt", "clean\n", "clean work");
        GitFixture.Result clean = git.tryGit(work, "push", "-q", "origin", "main");
        assertEquals(0, clean.exit(), clean.err());
        assertEquals(0, answered(awaitServer()), "the first push ran in its own JVM");
        assertEquals(
                "rwx------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(tmp.resolve("run/akguard"))));

        assertKeyPushIsBlocked("conf/app.properties");
        assertEquals(1, answered(awaitServer()), "the server answered the second push");

        git.commitFile(work, "b.txt", "more clean work\n", "more");
        assertEquals(0, git.tryGit(work, "push", "-q", "origin", "main").exit());
        assertEquals(2, answered(awaitServer()));
    }

    @Test
    void aServerThatDiesMidAnswerLosesNothing() throws Exception {
        Path sock = socketOfAStoppedServer();

        // Something listens where the server was, takes the whole request, and hangs up.
        AtomicInteger requests = new AtomicInteger();
        try (ServerSocketChannel fake = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            Files.deleteIfExists(sock);
            fake.bind(UnixDomainSocketAddress.of(sock));
            Thread t =
                    new Thread(
                            () -> {
                                while (true) {
                                    try (SocketChannel c = fake.accept()) {
                                        ByteBuffer b = ByteBuffer.allocate(1 << 16);
                                        while (c.read(b) >= 0) b.clear();
                                        requests.incrementAndGet();
                                    } catch (IOException e) {
                                        return;
                                    }
                                }
                            });
            t.setDaemon(true);
            t.start();
            assertKeyPushIsBlocked("deploy/prod.env"); // checked in its own JVM, same input
            assertEquals(1, requests.get(), "the client did hand the push to the socket first");
        }
        // Now nobody listens on the stale socket file: checked here, and a new server starts.
        assertKeyPushIsBlocked("deploy/staging.env");
        assertEquals(0, answered(awaitServer()));
    }

    @Test
    void switchedOffEveryHookRunsInItsOwnJvmAndNoServerStarts() throws Exception {
        git.env().put("AKGUARD_HOOK_SERVER", "off");
        assertKeyPushIsBlocked("conf/app.properties");
        git.commitFile(work, "a.txt", "clean\n", "clean work");
        assertEquals(0, git.tryGit(work, "push", "-q", "origin", "main").exit());
        Thread.sleep(3000); // a server started in the background would answer by now
        assertEquals(HookServerCommand.NOT_RUNNING, server("--status").exit());
        assertFalse(Files.exists(tmp.resolve("run/akguard")), "nothing was even prepared");
    }

    @Test
    void anUpgradedJarRetiresTheServerAndTheNextHookUsesTheNewCode() throws Exception {
        git.commitFile(work, "a.txt", "clean\n", "clean work");
        assertEquals(0, git.tryGit(work, "push", "-q", "origin", "main").exit());
        String before = awaitServer();
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        awaitNoServer(); // the old server noticed and left
        assertKeyPushIsBlocked("conf/app.properties"); // checked cold, starts a new server
        String after = awaitServer();
        assertFalse(
                before.substring(0, before.indexOf(','))
                        .equals(after.substring(0, after.indexOf(','))),
                "a new process: " + before + " / " + after);
    }

    @Test
    void aPreCommitHookIsAnsweredByTheServerWithGitsIndex() throws Exception {
        GitFixture.Result in =
                git.run(
                        work,
                        null,
                        launcher.toString(),
                        "hook",
                        "install",
                        "--pre-commit",
                        "--launcher",
                        launcher.toString(),
                        "--no-warm-up");
        assertEquals(0, in.exit(), in.err());
        GitFixture.write(work, "notes.txt", "clean\n");
        git.git(work, "add", "notes.txt");
        assertEquals(0, git.tryGit(work, "commit", "-q", "-m", "clean").exit());
        int before = answered(awaitServer());

        TestKeys.Pair key = TestKeys.pair();
        GitFixture.write(work, "src/main/resources/oss.properties", key.properties());
        git.git(work, "add", "src/main/resources/oss.properties");
        GitFixture.Result commit = git.tryGit(work, "commit", "-q", "-m", "oss settings");
        String printed = commit.out() + commit.err();
        assertEquals(1, commit.exit(), printed);
        assertTrue(printed.contains(key.id()), printed);
        assertTrue(printed.contains("oss.properties"), printed);
        assertFalse(printed.contains(key.secret()), "the secret is never printed");
        assertEquals(before + 1, answered(awaitServer()), "the server answered the commit's hook");
    }

    @Test
    void aSocketInADirectoryOthersCanEnterIsNeverTalkedTo() throws Exception {
        // Someone prepared the socket directory with room for others, and listens in it.
        Path sock = socketOfAStoppedServer();
        Files.setPosixFilePermissions(
                sock.getParent(), PosixFilePermissions.fromString("rwxrwxrwx"));
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocketChannel planted = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            Files.deleteIfExists(sock);
            planted.bind(UnixDomainSocketAddress.of(sock));
            Thread t =
                    new Thread(
                            () -> {
                                while (true) {
                                    try (SocketChannel c = planted.accept()) {
                                        connections.incrementAndGet();
                                    } catch (IOException e) {
                                        return;
                                    }
                                }
                            });
            t.setDaemon(true);
            t.start();
            assertKeyPushIsBlocked("conf/app.properties"); // checked in the hook's own JVM
            Thread.sleep(2000);
            assertEquals(0, connections.get(), "the push and its environment never went there");
        }
        assertEquals(
                "rwxrwxrwx",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(sock.getParent())),
                "left for its owner to fix");
        assertEquals(HookServerCommand.NOT_RUNNING, server("--status").exit());
    }

    @Test
    void aServerThatNeverAnswersHoldsThePushOnlyUntilTheTimeout() throws Exception {
        Path sock = socketOfAStoppedServer();
        // Something listens, reads the request and then says nothing, ever (a stuck server).
        List<SocketChannel> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServerSocketChannel stuck = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            Files.deleteIfExists(sock);
            stuck.bind(UnixDomainSocketAddress.of(sock));
            Thread t =
                    new Thread(
                            () -> {
                                while (true) {
                                    try {
                                        held.add(stuck.accept()); // kept open, never answered
                                    } catch (IOException e) {
                                        return;
                                    }
                                }
                            });
            t.setDaemon(true);
            t.start();
            git.env().put("AKGUARD_HOOK_SERVER_TIMEOUT", "3");
            assertKeyPushIsBlocked("conf/app.properties"); // after 3 s, in the hook's own JVM
            assertEquals(1, held.size(), "the client did ask the stuck server first");
        } finally {
            for (SocketChannel c : held) c.close();
        }
    }
}
