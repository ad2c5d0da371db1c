package dev.akguard.cli.git;

import dev.akguard.cli.common.UserException;
import dev.akguard.cli.git.server.HookClient;
import dev.akguard.cli.git.server.HookServer;
import dev.akguard.cli.git.server.HookWire;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `akguard hook server`: the warm JVM that answers the client-side hooks. */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Answer this user's pre-push and pre-commit hooks from a JVM that stays up",
            "between them, so a hook adds milliseconds to a push instead of a JVM start.",
            "bin/akguard starts one in the background on a hook's first run (when Perl is",
            "there to talk to it) and hands later hooks to it; it stops by itself after",
            "the idle time, when a newer akguard jar replaces its own, or with --stop.",
            "Only its own user can reach it (a private directory and peer credentials).",
            "Set AKGUARD_HOOK_SERVER=off to run every hook in its own JVM instead.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  akguard hook server --status     is one running, and how busy has it been",
            "  akguard hook server --stop       stop it (the next hook starts a new one)",
            "",
            "Exit codes: 0 done (--status: a server answered), 3 no server running, 2 error.",
            "Docs: docs/git-hooks.md, \"The hook server\""
        })
public final class HookServerCommand implements Callable<Integer> {
    /** Exit code of --status and --stop when no server is listening. */
    static final int NOT_RUNNING = 3;

    @Spec CommandSpec spec;

    @Option(
            names = "--socket",
            paramLabel = "PATH",
            description =
                    "The server's Unix socket (default: the one bin/akguard uses, from"
                            + " AKGUARD_HOOK_SOCKET).")
    Path socket;

    @Option(
            names = "--idle-minutes",
            paramLabel = "N",
            defaultValue = "15",
            description =
                    "Stop after N minutes without a hook (1-1440; default: ${DEFAULT-VALUE}).")
    int idleMinutes;

    @ArgGroup(exclusive = true)
    Action action;

    static final class Action {
        @Option(names = "--status", description = "Say whether a server answers, and stop there.")
        boolean status;

        @Option(names = "--stop", description = "Ask the running server to stop.")
        boolean stop;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Path sock = socket != null ? socket : defaultSocket();
        if (action != null) {
            HookWire.Request r = action.stop ? HookWire.Request.stop() : HookWire.Request.status();
            try {
                HookWire.Response resp = HookClient.ask(sock, r);
                out.print(resp.outText());
                out.flush();
                return 0;
            } catch (IOException e) {
                err.println(
                        "akguard: no hook server answers at " + sock + " (" + e.getMessage() + ")");
                return NOT_RUNNING;
            }
        }
        if (idleMinutes < 1 || idleMinutes > 1440)
            throw new UserException(
                    "--idle-minutes must be between 1 and 1440, not " + idleMinutes);
        Path log = sock.resolveSibling(sock.getFileName() + ".log");
        try (HookServer server =
                HookServer.bind(
                        sock,
                        Duration.ofMinutes(idleMinutes),
                        ownJar(),
                        System.getenv(),
                        Clock.systemUTC(),
                        line -> appendLog(log, line))) {
            server.serve();
        } catch (HookServer.AlreadyServing e) {
            appendLog(log, "not started: " + e.getMessage());
            return 0;
        } catch (IOException e) {
            throw new UserException("cannot serve hooks at " + sock + ": " + e.getMessage());
        }
        return 0;
    }

    private static Path defaultSocket() {
        String s = System.getenv("AKGUARD_HOOK_SOCKET");
        if (s == null || s.isBlank())
            throw new UserException(
                    "no socket given: run this through bin/akguard (which sets AKGUARD_HOOK_SOCKET)"
                            + " or pass --socket PATH");
        return Path.of(s);
    }

    /** The jar this JVM runs from, or null when it runs from class folders (tests). */
    private static Path ownJar() {
        try {
            Path p =
                    Path.of(
                            HookServerCommand.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** One line per event, kept under 1 MB (the log restarts when it grows past that). */
    private static void appendLog(Path log, String line) {
        try {
            if (Files.exists(log) && Files.size(log) > (1 << 20)) Files.delete(log);
            Files.writeString(
                    log,
                    Instant.now() + " " + line + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is a convenience; the server runs without it
        }
    }
}
