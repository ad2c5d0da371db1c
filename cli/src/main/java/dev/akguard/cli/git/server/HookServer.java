package dev.akguard.cli.git.server;

import dev.akguard.cli.git.HookFastPath;
import dev.akguard.git.GitEnvironment;
import dev.akguard.git.GitRepos;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Answers this user's client-side git hooks (pre-push, pre-commit) from a JVM that stays up between
 * them. A hook started cold spends 300-400 ms starting Java, loading JGit and running it
 * interpreted; the same check in a warm JVM takes a few milliseconds. bin/akguard starts a server
 * on a hook's first run and hands later hooks to it through a few lines of Perl.
 *
 * <p>Only the user who started it can reach it: the socket lives in a directory only that user can
 * enter (checked before binding), and each connection's peer credentials are checked too. It serves
 * one HOME (and XDG_CONFIG_HOME: JGit reads both for the process, not per request), runs one check
 * at a time (a hook arriving meanwhile is declined and checks in its own JVM), and stops by itself
 * when idle, when its socket is replaced or removed (a newer server took over), or when the jar it
 * runs from changes (an upgrade: the next hook starts a server with the new code). Requests the
 * server cannot answer exactly as a cold run would (another HOME, options on the command line,
 * pre-receive) are declined, and the client runs the check itself.
 */
public final class HookServer implements AutoCloseable {
    /** Exit code of a declined request: the client runs the check itself. */
    public static final int DECLINED = 200;

    private static final Set<PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rwx------");
    private static final long MAX_REQUEST = HookWire.MAX_STDIN + (16L << 20);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration WATCH_EVERY = Duration.ofSeconds(2);

    /**
     * What JGit reads from the process and keeps (where ~/.gitconfig and ~/.config/jgit are): a
     * server serves one value of each.
     */
    public static final List<String> PROCESS_WIDE = List.of("HOME", "XDG_CONFIG_HOME");

    /** GIT_* variables holding paths that git may pass relative to the hook's directory. */
    private static final List<String> PATH_VARIABLES =
            List.of(
                    "GIT_DIR",
                    "GIT_WORK_TREE",
                    "GIT_INDEX_FILE",
                    "GIT_OBJECT_DIRECTORY",
                    "GIT_COMMON_DIR",
                    "GIT_QUARANTINE_PATH");

    private final Path socket;
    private final ServerSocketChannel channel;
    private final Object socketKey;
    private final Duration idle;
    private final Path jar;
    private final JarStamp jarStamp;

    /** The variables JGit reads once per process: requests must agree with them. */
    private final Map<String, String> processWide;

    private final Clock clock;
    private final Consumer<String> log;
    private final Instant started;
    private final AtomicLong lastActivity;
    private final AtomicLong answered = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile String stopReason = "";

    /** One check at a time: JGit's reader and the environment it sees are process-wide. */
    private final java.util.concurrent.Semaphore oneCheck = new java.util.concurrent.Semaphore(1);

    private final java.util.concurrent.ExecutorService connections =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "akguard-hook-server-connection");
                        t.setDaemon(true);
                        return t;
                    });
    private final StartLock startLock;

    private final ScheduledExecutorService timers =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "akguard-hook-server-watch");
                        t.setDaemon(true);
                        return t;
                    });

    private HookServer(
            Path socket,
            ServerSocketChannel channel,
            Object socketKey,
            Duration idle,
            Path jar,
            Map<String, String> processWide,
            Clock clock,
            Consumer<String> log,
            StartLock startLock) {
        this.startLock = startLock;
        this.socket = socket;
        this.channel = channel;
        this.socketKey = socketKey;
        this.idle = idle;
        this.jar = jar;
        this.jarStamp = JarStamp.of(jar);
        this.processWide = processWide;
        this.clock = clock;
        this.log = log;
        this.started = clock.instant();
        this.lastActivity = new AtomicLong(clock.millis());
    }

    /**
     * Binds the socket: first under a temporary name in the same directory, then moved over {@code
     * socket}, so a client never finds a half-made server and two servers started at once leave
     * one.
     *
     * @param jar the jar this server runs from (it stops when the jar changes), or null
     * @param processWide the values of {@link #PROCESS_WIDE} it serves (null: unset); requests with
     *     other values are declined
     * @throws IOException when the directory is not this user's alone, or binding fails
     */
    public static HookServer bind(
            Path socket,
            Duration idle,
            Path jar,
            Map<String, String> processWide,
            Clock clock,
            Consumer<String> log)
            throws IOException {
        Path dir = socket.toAbsolutePath().getParent();
        ensurePrivateDirectory(dir);
        StartLock lock = StartLock.take(dir.resolve(socket.getFileName() + ".lock"));
        Path temporary = dir.resolve(socket.getFileName() + "." + ProcessHandle.current().pid());
        Files.deleteIfExists(temporary);
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(temporary), 16);
            Files.move(temporary, socket, StandardCopyOption.REPLACE_EXISTING);
            Object key = fileKey(socket);
            Map<String, String> served = new LinkedHashMap<>();
            for (String name : PROCESS_WIDE) served.put(name, processWide.get(name));
            HookServer s = new HookServer(socket, ch, key, idle, jar, served, clock, log, lock);
            log.accept(
                    "serving hooks at "
                            + socket
                            + " (stops after "
                            + idle.toMinutes()
                            + " idle minutes)");
            return s;
        } catch (IOException | RuntimeException e) {
            ch.close();
            Files.deleteIfExists(temporary);
            lock.close();
            throw e;
        }
    }

    /**
     * The socket's directory must be this user's and closed to everyone else: whoever can enter it
     * could talk to the server (or put their own server in its place).
     */
    static void ensurePrivateDirectory(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another server made it at the same moment: checked below like any other
            }
        }
        PosixFileAttributes a =
                Files.readAttributes(dir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String me = System.getProperty("user.name");
        if (!a.isDirectory())
            throw new IOException(dir + " is not a directory; remove it and run the hook again");
        if (!a.owner().getName().equals(me))
            throw new IOException(
                    dir + " belongs to " + a.owner().getName() + ", not " + me + "; remove it");
        if (!a.permissions().equals(OWNER_ONLY))
            throw new IOException(
                    dir
                            + " can be entered by other users ("
                            + PosixFilePermissions.toString(a.permissions())
                            + "); run: chmod 700 "
                            + dir);
    }

    /**
     * Answers requests until stopped (idle, replaced, jar changed, or asked to stop), then removes
     * its socket if it is still its own.
     */
    public void serve() throws IOException {
        try {
            timers.scheduleWithFixedDelay(
                    this::watch,
                    WATCH_EVERY.toMillis(),
                    WATCH_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return; // closed before it started serving
        }
        try {
            while (!stopping.get()) {
                SocketChannel client;
                try {
                    client = channel.accept();
                } catch (
                        ClosedChannelException
                                e) { // also AsynchronousCloseException: stop() closed it
                    break;
                }
                lastActivity.set(clock.millis());
                connections.execute(() -> handle(client));
            }
        } finally {
            close();
            log.accept("stopped: " + stopReason + " (" + answered.get() + " checks answered)");
        }
    }

    /**
     * One connection, on its own thread: a slow client or a long check never keeps the next hook
     * waiting (that one is declined and checks in its own JVM). Whatever goes wrong here, the
     * client gets an answer it can act on, or none, and runs the check itself.
     */
    private void handle(SocketChannel client) {
        try (client) {
            answer(client);
        } catch (IOException | RuntimeException e) {
            log.accept("a request failed: " + e);
        } catch (Error e) {
            stop("JVM error: " + e);
        } finally {
            lastActivity.set(clock.millis());
        }
    }

    /**
     * Stops the server: no new connections; {@link #serve()} returns, and a check still running is
     * cut off with the process (its client then runs the check itself).
     */
    public void stop(String reason) {
        if (stopping.compareAndSet(false, true)) {
            stopReason = reason;
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a listening socket does not fail in practice
            }
        }
    }

    @Override
    public void close() throws IOException {
        stop("closed");
        timers.shutdownNow();
        connections.shutdown();
        if (Objects.equals(fileKey(socket), socketKey)) Files.deleteIfExists(socket);
        startLock.close();
    }

    public long answered() {
        return answered.get();
    }

    private void watch() {
        try {
            if (!Objects.equals(fileKey(socket), socketKey))
                stop("its socket was removed or taken over by a newer server");
            else if (jar != null && !jarStamp.equals(JarStamp.of(jar)))
                stop("the jar changed (" + jar + "): the next hook starts the new version");
            else if (clock.millis() - lastActivity.get() >= idle.toMillis()
                    && oneCheck.availablePermits() > 0) // a long check is not idleness
            stop("idle for " + idle.toMinutes() + " minutes");
        } catch (RuntimeException e) {
            stop("cannot check its socket: " + e.getMessage());
        }
    }

    private void answer(SocketChannel client) throws IOException {
        if (!samePeer(client)) {
            log.accept("refused a connection from another user");
            return;
        }
        byte[] message = readAll(client);
        HookWire.Response response;
        try {
            response = respond(HookWire.decodeRequest(message));
        } catch (HookWire.WireException | RuntimeException e) {
            response = declined("cannot read the request: " + e.getMessage());
        }
        ByteBuffer out = ByteBuffer.wrap(HookWire.encode(response));
        while (out.hasRemaining()) client.write(out);
    }

    HookWire.Response respond(HookWire.Request r) {
        switch (r.kind()) {
            case "status" -> {
                return output(0, 1, status());
            }
            case "stop" -> {
                stop("asked to stop");
                return output(0, 1, "stopping\n");
            }
            default -> {
                return check(r);
            }
        }
    }

    String status() {
        return "akguard hook server: pid "
                + ProcessHandle.current().pid()
                + ", socket "
                + socket
                + ", up since "
                + started
                + ", "
                + answered.get()
                + " checks answered, stops after "
                + idle.toMinutes()
                + " idle minutes\n";
    }

    private HookWire.Response check(HookWire.Request r) {
        String[] args = r.args().toArray(String[]::new);
        boolean clientHook =
                args.length >= 2 && ("pre-push".equals(args[1]) || "pre-commit".equals(args[1]));
        if (!clientHook || !HookFastPath.handles(args))
            return declined("only pre-push and pre-commit without options are served");
        for (String name : PROCESS_WIDE) {
            if (!Objects.equals(processWide.get(name), r.env().get(name)))
                return declined("this server serves another " + name);
        }
        if (jar != null && !jarStamp.equals(JarStamp.of(jar))) {
            stop("the jar changed (" + jar + "): the next hook starts the new version");
            return declined("the jar changed");
        }
        if (!oneCheck.tryAcquire()) return declined("busy with another check");
        try {
            Map<String, String> env = absolutePaths(r.env(), r.cwd());
            OrderedOutput output = new OrderedOutput();
            int code;
            try (GitEnvironment.Scope scope = GitEnvironment.use(env)) {
                GitRepos.skipSystemConfig();
                code =
                        HookFastPath.checkOrThrow(
                                args,
                                r.cwd(),
                                new ByteArrayInputStream(r.stdin()),
                                new PrintStream(output.stream(1), true, StandardCharsets.UTF_8),
                                new PrintWriter(
                                        new OutputStreamWriter(
                                                output.stream(2), StandardCharsets.UTF_8),
                                        true));
            } catch (Exception e) {
                // A broken repository, a bad config: the hook's own JVM reports it, so the
                // message and the exit code are exactly a cold run's, and a fault of this server
                // never stands in for a verdict.
                return declined("the check failed here: " + e);
            } catch (Error e) {
                stop("JVM error during a check: " + e);
                return declined("the check failed here: " + e);
            }
            answered.incrementAndGet();
            return new HookWire.Response(code, output.chunks());
        } finally {
            oneCheck.release();
        }
    }

    /**
     * A hook run in a warm JVM sees the hook's variables, but not its working directory: git may
     * pass GIT_DIR and friends relative to it.
     */
    static Map<String, String> absolutePaths(Map<String, String> env, Path cwd) {
        Map<String, String> out = new LinkedHashMap<>(env);
        for (String name : PATH_VARIABLES) {
            String v = out.get(name);
            if (v != null && !v.isEmpty() && !v.startsWith("/"))
                out.put(name, cwd.resolve(v).normalize().toString());
        }
        String alternates = out.get("GIT_ALTERNATE_OBJECT_DIRECTORIES");
        if (alternates != null && !alternates.isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (String p : alternates.split(":", -1)) {
                if (b.length() > 0) b.append(':');
                b.append(
                        p.isEmpty() || p.startsWith("/")
                                ? p
                                : cwd.resolve(p).normalize().toString());
            }
            out.put("GIT_ALTERNATE_OBJECT_DIRECTORIES", b.toString());
        }
        return out;
    }

    private static HookWire.Response declined(String why) {
        return output(DECLINED, 2, "akguard hook server: " + why + "\n");
    }

    private static HookWire.Response output(int code, int stream, String text) {
        return new HookWire.Response(
                code, List.of(new HookWire.Chunk(stream, text.getBytes(StandardCharsets.UTF_8))));
    }

    /** Reads until the client closes its side, within a size bound and a time bound. */
    private byte[] readAll(SocketChannel client) throws IOException {
        ScheduledFuture<?> deadline =
                timers.schedule(
                        () -> {
                            try {
                                client.close();
                            } catch (IOException ignored) {
                                // already closed
                            }
                        },
                        READ_TIMEOUT.toMillis(),
                        TimeUnit.MILLISECONDS);
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(64 << 10);
            while (client.read(buf) >= 0) {
                b.write(buf.array(), 0, buf.position());
                buf.clear();
                if (b.size() > MAX_REQUEST)
                    throw new IOException("request over " + MAX_REQUEST + " bytes");
            }
            return b.toByteArray();
        } catch (ClosedChannelException e) {
            throw new IOException(
                    "the client sent nothing for " + READ_TIMEOUT.toSeconds() + " s", e);
        } finally {
            deadline.cancel(false);
        }
    }

    private static boolean samePeer(SocketChannel client) {
        try {
            jdk.net.UnixDomainPrincipal peer =
                    client.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED);
            return peer.user().getName().equals(System.getProperty("user.name"));
        } catch (UnsupportedOperationException e) {
            // No peer credentials on this platform: the private directory is the guard.
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Object fileKey(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** Size and modification time of the jar: a rebuilt or upgraded jar changes one of them. */
    private record JarStamp(long size, long modified) {
        static JarStamp of(Path jar) {
            if (jar == null) return new JarStamp(-1, -1);
            try {
                BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
                return new JarStamp(a.size(), a.lastModifiedTime().toMillis());
            } catch (IOException e) {
                return new JarStamp(-2, -2);
            }
        }
    }

    /**
     * Held for a server's whole life: of servers started at once (several first hooks), one binds
     * and the others leave at once, instead of taking each other's socket.
     */
    static final class StartLock implements AutoCloseable {
        private final java.nio.channels.FileChannel file;
        private final java.nio.channels.FileLock lock;

        private StartLock(java.nio.channels.FileChannel file, java.nio.channels.FileLock lock) {
            this.file = file;
            this.lock = lock;
        }

        static StartLock take(Path path) throws IOException {
            java.nio.channels.FileChannel f =
                    java.nio.channels.FileChannel.open(
                            path,
                            java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.WRITE);
            java.nio.channels.FileLock l;
            try {
                l = f.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                l = null; // this JVM runs a server already
            } catch (IOException | RuntimeException e) {
                f.close();
                throw e;
            }
            if (l == null) {
                f.close();
                throw new AlreadyServing(path);
            }
            return new StartLock(f, l);
        }

        @Override
        public synchronized void close() throws IOException {
            if (!file.isOpen()) return;
            try {
                lock.release();
            } finally {
                file.close();
            }
        }
    }

    /** Another server holds the start lock: this one is not needed. */
    public static final class AlreadyServing extends IOException {
        AlreadyServing(Path lock) {
            super("another hook server runs (it holds " + lock + ")");
        }
    }
}
