package dev.akguard.testkit.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives the real {@code git} binary in a sandbox for tests: its own HOME with a minimal global
 * config, no system config, fixed identity and dates, so the developer's settings never leak in and
 * runs repeat exactly.
 */
public final class GitFixture {
    /** What a command printed and returned. */
    public record Result(int exit, String out, String err) {
        public Result ok() {
            if (exit != 0)
                throw new AssertionError(
                        "command failed with " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err);
            return this;
        }
    }

    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    private int tick;

    /**
     * @param sandbox a fresh directory (e.g. a JUnit @TempDir); HOME goes in {@code sandbox/home}
     */
    public GitFixture(Path sandbox) {
        this.home = sandbox.resolve("home");
        try {
            Files.createDirectories(home);
            Files.writeString(
                    home.resolve(".gitconfig"),
                    """
                    [user]
                    \tname = Test Author
                    \temail = author@example.invalid
                    [init]
                    \tdefaultBranch = main
                    [advice]
                    \tdetachedHead = false
                    [protocol "file"]
                    \tallow = always
                    """,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("LC_ALL", "C");
    }

    public Path home() {
        return home;
    }

    /** The environment every command runs with (add entries to pass more). */
    public Map<String, String> env() {
        return env;
    }

    /** Runs git in {@code dir}; throws when it fails. */
    public Result git(Path dir, String... args) {
        return run(dir, null, prepend("git", args)).ok();
    }

    /** Runs git in {@code dir} and returns the outcome whatever it is. */
    public Result tryGit(Path dir, String... args) {
        return run(dir, null, prepend("git", args));
    }

    /** Runs any command with the sandbox environment, feeding {@code stdin} (may be null). */
    public Result run(Path dir, String stdin, String... command) {
        // Distinct, increasing commit dates keep history order deterministic even within one
        // second.
        tick++;
        String date = java.time.Instant.parse("2024-01-01T00:00:00Z").plusSeconds(tick).toString();
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(env);
        pb.environment().putIfAbsent("GIT_AUTHOR_DATE", date);
        pb.environment().putIfAbsent("GIT_COMMITTER_DATE", date);
        try {
            Path outFile = Files.createTempFile(home, "out", ".txt");
            Path errFile = Files.createTempFile(home, "err", ".txt");
            pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
            if (stdin == null)
                pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            if (stdin != null) {
                try (var os = p.getOutputStream()) {
                    os.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + String.join(" ", command));
            }
            Result r =
                    new Result(p.exitValue(), Files.readString(outFile), Files.readString(errFile));
            Files.delete(outFile);
            Files.delete(errFile);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A new repository (work tree) at {@code dir}. */
    public Path init(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git(dir, "init", "-q");
        return dir;
    }

    /** A new bare repository at {@code dir}. */
    public Path initBare(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        git(dir, "init", "-q", "--bare");
        return dir;
    }

    /** Writes a file (creating folders) in the work tree. */
    public static Path write(Path repo, String path, String content) {
        Path f = repo.resolve(path);
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    /** Stages everything and commits; returns the new commit id. */
    public String commitAll(Path repo, String message) {
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "--allow-empty", "-m", message);
        return head(repo);
    }

    /** Writes one file and commits it. */
    public String commitFile(Path repo, String path, String content, String message) {
        write(repo, path, content);
        git(repo, "add", "--", path);
        git(repo, "commit", "-q", "-m", message);
        return head(repo);
    }

    public String head(Path repo) {
        return rev(repo, "HEAD");
    }

    public String rev(Path repo, String rev) {
        return git(repo, "rev-parse", rev).out().trim();
    }

    public static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String[] prepend(String first, String[] rest) {
        List<String> l = new ArrayList<>();
        l.add(first);
        l.addAll(List.of(rest));
        return l.toArray(String[]::new);
    }
}
