package dev.akguard.cli.git.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.testkit.fixtures.MutableClock;
import dev.akguard.testkit.fixtures.TestKeys;
import dev.akguard.testkit.git.GitFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook server in this JVM, asked over its real Unix socket, against repositories made with the
 * git binary.
 */
class HookServerTest {
    @TempDir Path tmp;
    GitFixture git;
    Path work;
    String base;
    Path socket;
    MutableClock clock = MutableClock.startingNow();
    final List<String> log = new ArrayList<>();
    HookServer server;
    CompletableFuture<Void> serving;

    @BeforeEach
    void setUp() throws IOException {
        git = new GitFixture(tmp);
        Path remote = git.initBare(tmp.resolve("remote.git"));
        work = git.init(tmp.resolve("work"));
        git.git(work, "remote", "add", "origin", remote.toString());
        base = git.commitFile(work, "README.md", "hello\n", "base");
        git.git(work, "push", "-q", "origin", "main");
        socket = tmp.resolve("run/akguard/hook.sock");
    }

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) server.close();
        if (serving != null) serving.get(10, TimeUnit.SECONDS);
    }

    void start(Path jar) throws IOException {
        server =
                HookServer.bind(
                        socket,
                        Duration.ofMinutes(15),
                        jar,
                        git.env(),
                        clock,
                        line -> {
                            synchronized (log) {
                                log.add(line);
                            }
                        });
        HookServer s = server;
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t =
                new Thread(
                        () -> {
                            try {
                                s.serve();
                                done.complete(null);
                            } catch (Throwable e) {
                                done.completeExceptionally(e);
                            }
                        },
                        "hook-server-under-test");
        t.setDaemon(true);
        t.start();
        serving = done;
    }

    Map<String, String> hookEnv() {
        Map<String, String> env = new LinkedHashMap<>(git.env());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    HookWire.Response check(Map<String, String> env, String stdin, String... args)
            throws IOException {
        return HookClient.ask(
                socket,
                new HookWire.Request(
                        "check", work, List.of(args), env, stdin.getBytes(StandardCharsets.UTF_8)));
    }

    String pushLine(String tip) {
        return "refs/heads/main " + tip + " refs/heads/main " + base + "\n";
    }

    @Test
    void aPushAddingAKeyIsBlockedWithTheUsualReportAndACleanOnePasses() throws IOException {
        start(null);
        String clean = git.commitFile(work, "src/App.java", "class App {}\n", "app");
        HookWire.Response ok =
                check(hookEnv(), pushLine(clean), "hook", "pre-push", "origin", "url");
        assertEquals(0, ok.exitCode(), ok.errText());

        TestKeys.Pair key = TestKeys.pair();
        String leak = git.commitFile(work, "conf/app.properties", key.properties(), "config");
        HookWire.Response r = check(hookEnv(), pushLine(leak), "hook", "pre-push", "origin", "url");
        assertEquals(1, r.exitCode(), r.errText());
        assertTrue(r.outText().contains("conf/app.properties"), r.outText());
        assertTrue(r.outText().contains(key.id()), r.outText());
        assertFalse(r.outText().contains(key.secret()), "the secret is never printed");
        assertTrue(r.errText().contains("git push --no-verify"), r.errText());
        // The report (standard output) comes before the advice (standard error), as in its own JVM.
        List<Integer> streams = r.chunks().stream().map(HookWire.Chunk::stream).toList();
        assertEquals(1, (int) streams.get(0), streams.toString());
        assertEquals(2, server.answered());
    }

    @Test
    void gitPathsRelativeToTheHooksDirectoryAreResolvedThereNotWhereTheServerRuns()
            throws IOException {
        start(null);
        TestKeys.Pair key = TestKeys.pair();
        GitFixture.write(work, "deploy.env", key.properties());
        git.git(work, "add", "deploy.env");
        Map<String, String> env = hookEnv();
        env.put("GIT_DIR", ".git"); // relative, as git passes them to hooks
        env.put("GIT_INDEX_FILE", ".git/index");
        HookWire.Response r = check(env, "", "hook", "pre-commit");
        assertEquals(1, r.exitCode(), r.errText());
        assertTrue(r.outText().contains("deploy.env"), r.outText());
    }

    @Test
    void whatItCannotAnswerExactlyIsDeclinedAndItKeepsServing() throws IOException {
        start(null);
        String tip = git.commitFile(work, "a.txt", "a\n", "a");
        Map<String, String> otherHome = hookEnv();
        otherHome.put("HOME", tmp.resolve("elsewhere").toString());
        assertEquals(
                HookServer.DECLINED,
                check(otherHome, pushLine(tip), "hook", "pre-push", "origin", "u").exitCode());
        Map<String, String> otherConfig = hookEnv();
        otherConfig.put("XDG_CONFIG_HOME", tmp.resolve("elsewhere/.config").toString());
        assertEquals(
                HookServer.DECLINED,
                check(otherConfig, pushLine(tip), "hook", "pre-push", "origin", "u").exitCode());
        assertEquals(
                HookServer.DECLINED,
                check(hookEnv(), "", "hook", "pre-push", "--format", "json").exitCode());
        assertEquals(
                HookServer.DECLINED,
                check(hookEnv(), pushLine(tip), "hook", "pre-receive").exitCode());
        assertEquals(HookServer.DECLINED, check(hookEnv(), "", "scan", ".").exitCode());
        // A malformed request gets an answer too, and the server goes on.
        try (var ch = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            ch.connect(java.net.UnixDomainSocketAddress.of(socket));
            ch.write(java.nio.ByteBuffer.wrap("GET / HTTP/1.1\r\n\r\n".getBytes()));
            ch.shutdownOutput();
            java.nio.ByteBuffer answer = java.nio.ByteBuffer.allocate(4096);
            while (ch.read(answer) >= 0) {
                // read the whole answer
            }
            HookWire.Response declined =
                    HookWire.decodeResponse(
                            java.util.Arrays.copyOf(answer.array(), answer.position()));
            assertEquals(HookServer.DECLINED, declined.exitCode());
            assertTrue(declined.errText().contains("cannot read the request"), declined.errText());
        }
        HookWire.Response after =
                check(hookEnv(), pushLine(tip), "hook", "pre-push", "origin", "u");
        assertEquals(0, after.exitCode(), after.errText());
        assertEquals(1, server.answered(), "declined requests are not counted as answered");
    }

    @Test
    void statusReportsAndStopEndsServingAndRemovesTheSocket() throws Exception {
        start(null);
        HookWire.Response status = HookClient.ask(socket, HookWire.Request.status());
        assertEquals(0, status.exitCode());
        assertTrue(status.outText().contains("0 checks answered"), status.outText());
        assertTrue(status.outText().contains(socket.toString()), status.outText());
        assertEquals(0, HookClient.ask(socket, HookWire.Request.stop()).exitCode());
        serving.get(10, TimeUnit.SECONDS);
        assertFalse(Files.exists(socket), "the socket is removed");
        assertThrows(IOException.class, () -> HookClient.ask(socket, HookWire.Request.status()));
        synchronized (log) {
            assertTrue(log.get(log.size() - 1).contains("asked to stop"), log.toString());
        }
    }

    @Test
    void stopsAfterTheIdleTime() throws Exception {
        start(null);
        clock.advance(Duration.ofMinutes(16));
        serving.get(10, TimeUnit.SECONDS);
        assertFalse(Files.exists(socket));
        synchronized (log) {
            assertTrue(log.get(log.size() - 1).contains("idle for 15 minutes"), log.toString());
        }
    }

    @Test
    void aSecondServerForTheSameSocketLeavesAtOnce() throws Exception {
        start(null);
        assertThrows(
                HookServer.AlreadyServing.class,
                () ->
                        HookServer.bind(
                                socket, Duration.ofMinutes(1), null, git.env(), clock, line -> {}));
        assertEquals(0, HookClient.ask(socket, HookWire.Request.status()).exitCode());
    }

    @Test
    void aCheckInProgressIsNotIdleness() throws Exception {
        start(null);
        java.lang.reflect.Field f = HookServer.class.getDeclaredField("oneCheck");
        f.setAccessible(true);
        java.util.concurrent.Semaphore permit = (java.util.concurrent.Semaphore) f.get(server);
        permit.acquire(); // a check that runs for longer than the idle time
        clock.advance(Duration.ofMinutes(16));
        Thread.sleep(5000); // two rounds of the watch
        assertFalse(serving.isDone(), "still serving while a check runs");
        permit.release();
        serving.get(10, TimeUnit.SECONDS);
        synchronized (log) {
            assertTrue(log.get(log.size() - 1).contains("idle for 15 minutes"), log.toString());
        }
    }

    @Test
    void stopsWhenItsSocketIsReplacedAndLeavesTheNewOneAlone() throws Exception {
        start(null);
        Path other = socket.resolveSibling("other.sock");
        try (var newer =
                java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            newer.bind(java.net.UnixDomainSocketAddress.of(other));
            Files.move(other, socket, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            serving.get(10, TimeUnit.SECONDS);
            assertTrue(Files.exists(socket), "the newer socket stays");
        }
        synchronized (log) {
            assertTrue(log.get(log.size() - 1).contains("taken over"), log.toString());
        }
    }

    @Test
    void aSecondCheckWhileOneRunsIsDeclinedNotQueued() throws Exception {
        start(null);
        String tip = git.commitFile(work, "a.txt", "a\n", "a");
        // Hold the one check permit as a long check would.
        java.lang.reflect.Field f = HookServer.class.getDeclaredField("oneCheck");
        f.setAccessible(true);
        java.util.concurrent.Semaphore permit = (java.util.concurrent.Semaphore) f.get(server);
        permit.acquire();
        try {
            HookWire.Response r =
                    check(hookEnv(), pushLine(tip), "hook", "pre-push", "origin", "u");
            assertEquals(HookServer.DECLINED, r.exitCode());
            assertTrue(r.errText().contains("busy"), r.errText());
        } finally {
            permit.release();
        }
        assertEquals(
                0, check(hookEnv(), pushLine(tip), "hook", "pre-push", "origin", "u").exitCode());
    }

    @Test
    void aCheckThatFailsHereIsHandedBackForTheHooksOwnJvmToReport() throws Exception {
        start(null);
        Path notARepo = Files.createDirectories(tmp.resolve("plain-dir"));
        HookWire.Response r =
                HookClient.ask(
                        socket,
                        new HookWire.Request(
                                "check",
                                notARepo,
                                List.of("hook", "pre-commit"),
                                hookEnv(),
                                new byte[0]));
        assertEquals(HookServer.DECLINED, r.exitCode(), "not exit 2 from here: " + r.errText());
        assertTrue(r.errText().contains("not inside a git repository"), r.errText());
        assertEquals(0, server.answered());
    }

    @Test
    void stopsWhenTheJarItRunsFromChanges() throws Exception {
        Path jar = tmp.resolve("akguard.jar");
        Files.writeString(jar, "version 1");
        start(jar);
        Files.writeString(jar, "version 2, larger", StandardOpenOption.TRUNCATE_EXISTING);
        serving.get(10, TimeUnit.SECONDS);
        synchronized (log) {
            assertTrue(log.get(log.size() - 1).contains("the jar changed"), log.toString());
        }
    }

    @Test
    void refusesADirectoryOtherUsersCanEnter() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("shared"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        IOException e =
                assertThrows(
                        IOException.class,
                        () ->
                                HookServer.bind(
                                        dir.resolve("hook.sock"),
                                        Duration.ofMinutes(1),
                                        null,
                                        Map.of("HOME", "/home"),
                                        clock,
                                        line -> {}));
        assertTrue(e.getMessage().contains("chmod 700 " + dir), e.getMessage());
        assertFalse(Files.exists(dir.resolve("hook.sock")));
    }

    @Test
    void makesItsDirectoryPrivate() throws IOException {
        start(null);
        assertEquals(
                "rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
    }

    @Test
    void absolutePathsLeavesAbsoluteOnesAndOtherVariablesAlone() {
        Map<String, String> env =
                HookServer.absolutePaths(
                        Map.of(
                                "GIT_DIR", "../repo/.git",
                                "GIT_WORK_TREE", "/srv/work",
                                "GIT_ALTERNATE_OBJECT_DIRECTORIES", "objs:/abs/objects",
                                "OTHER", "relative/path"),
                        Path.of("/home/dev/work"));
        assertEquals("/home/dev/repo/.git", env.get("GIT_DIR"));
        assertEquals("/srv/work", env.get("GIT_WORK_TREE"));
        assertEquals(
                "/home/dev/work/objs:/abs/objects", env.get("GIT_ALTERNATE_OBJECT_DIRECTORIES"));
        assertEquals("relative/path", env.get("OTHER"));
    }
}
