package dev.akguard.git.hook;

import dev.akguard.git.GitException;
import dev.akguard.git.GitRepos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;

/**
 * Installs and removes akguard's hooks. Finds the hooks directory as git does ({@code
 * core.hooksPath}, else the common git directory's {@code hooks}, shared by all worktrees). A hook
 * that is already there and is not ours is kept: it is renamed to {@code <hook>.local} and our
 * script runs it first. Installing twice changes nothing; nothing is ever overwritten silently.
 */
public final class HookInstaller {
    public enum Action {
        INSTALLED,
        UPDATED,
        UNCHANGED,
        REMOVED,
        NOT_INSTALLED,
        NOT_OURS
    }

    /**
     * @param hook the hook file
     * @param action what happened
     * @param chained the pre-existing hook ours runs first (install), or the one restored
     *     (uninstall); null if none
     */
    public record Outcome(HookType type, Path hook, Action action, Path chained) {}

    private final Repository repo;
    private final String home;

    public HookInstaller(Repository repo) {
        this(repo, System.getenv("HOME"));
    }

    /**
     * @param home what git expands {@code ~} to: {@code $HOME} (not the JVM's user.home, which is
     *     the passwd home)
     */
    HookInstaller(Repository repo, String home) {
        this.repo = repo;
        this.home = home;
    }

    /** Where git looks for hooks in this repository. */
    public Path hooksDir() {
        String configured = repo.getConfig().getString("core", null, "hooksPath");
        if (configured != null && !configured.isBlank()) {
            String p = configured.strip();
            if (p.equals("~") || p.startsWith("~/")) {
                if (home == null || home.isBlank()) {
                    throw new GitException(
                            "core.hooksPath is '"
                                    + configured
                                    + "' but HOME is not set, so git cannot expand '~'; "
                                    + "set HOME or use an absolute core.hooksPath");
                }
                p = home + p.substring(1);
            } else if (p.startsWith("~")) {
                throw new GitException(
                        "core.hooksPath '"
                                + configured
                                + "' uses ~user, which akguard does not expand; use an absolute path");
            }
            Path path = Path.of(p);
            if (path.isAbsolute()) return path.normalize();
            // Relative hooksPath is relative to where git runs hooks: the work tree's top, or the
            // git dir if bare.
            Path base = repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath();
            return base.resolve(path).toAbsolutePath().normalize();
        }
        return GitRepos.commonDir(repo).toPath().resolve("hooks").toAbsolutePath().normalize();
    }

    public Outcome install(HookType type, Path launcher) {
        Path dir = hooksDir();
        checkGitRunsHooksFrom(dir);
        Path hook = dir.resolve(type.fileName());
        Path chained = dir.resolve(type.fileName() + HookScript.CHAINED_SUFFIX);
        String script = HookScript.render(type, launcher);
        try {
            Files.createDirectories(dir);
            Path keptChained = Files.exists(chained) ? chained : null;
            if (Files.exists(hook) || Files.isSymbolicLink(hook)) {
                String existing = readOrNull(hook);
                if (existing != null && HookScript.isOurs(existing)) {
                    if (existing.equals(script))
                        return new Outcome(type, hook, Action.UNCHANGED, keptChained);
                    writeExecutable(hook, script);
                    return new Outcome(type, hook, Action.UPDATED, keptChained);
                }
                if (keptChained != null) {
                    throw new GitException(
                            "both "
                                    + hook
                                    + " and "
                                    + chained
                                    + " exist and neither is akguard's; merge them into "
                                    + chained
                                    + " by hand (akguard runs it first), remove "
                                    + hook
                                    + ", then run `akguard hook install` again");
                }
                // Keep the user's hook: rename, not copy, so a symlinked hook (e.g. from a hook
                // manager) stays a symlink.
                Files.move(hook, chained, StandardCopyOption.ATOMIC_MOVE);
                writeExecutable(hook, script);
                return new Outcome(type, hook, Action.INSTALLED, chained);
            }
            writeExecutable(hook, script);
            return new Outcome(type, hook, Action.INSTALLED, keptChained);
        } catch (IOException e) {
            throw new GitException(
                    "cannot install the "
                            + type.fileName()
                            + " hook in "
                            + dir
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    public Outcome uninstall(HookType type) {
        Path dir = hooksDir();
        Path hook = dir.resolve(type.fileName());
        Path chained = dir.resolve(type.fileName() + HookScript.CHAINED_SUFFIX);
        try {
            if (!Files.exists(hook)) return new Outcome(type, hook, Action.NOT_INSTALLED, null);
            String existing = readOrNull(hook);
            if (existing == null || !HookScript.isOurs(existing))
                return new Outcome(type, hook, Action.NOT_OURS, null);
            Files.delete(hook);
            if (Files.exists(chained) || Files.isSymbolicLink(chained)) {
                Files.move(chained, hook, StandardCopyOption.ATOMIC_MOVE);
                return new Outcome(type, hook, Action.REMOVED, chained);
            }
            return new Outcome(type, hook, Action.REMOVED, null);
        } catch (IOException e) {
            throw new GitException(
                    "cannot remove the "
                            + type.fileName()
                            + " hook in "
                            + dir
                            + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * Asks git itself ({@code git rev-parse --git-path hooks}) where it runs hooks from, so that
     * "installed" is never said of a hook git will not run (a {@code core.hooksPath} from {@code
     * git -c}/{@code GIT_CONFIG_*}, an {@code includeIf} JGit does not follow, a differently
     * expanded path). Without a git binary there is nothing to ask.
     */
    void checkGitRunsHooksFrom(Path dir) {
        Path cwd = repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath();
        Path gits;
        try {
            Process p =
                    new ProcessBuilder("git", "rev-parse", "--git-path", "hooks")
                            .directory(cwd.toFile())
                            .redirectErrorStream(false)
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
            p.getOutputStream().close();
            String out =
                    new String(p.getInputStream().readNBytes(64 * 1024), StandardCharsets.UTF_8)
                            .strip();
            if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return;
            }
            if (p.exitValue() != 0 || out.isEmpty() || out.contains("\n")) return;
            gits = cwd.resolve(out).toAbsolutePath().normalize();
        } catch (IOException e) {
            return; // no git on PATH: git cannot run any hook from here either, and the launcher
            // will say so
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!sameDir(gits, dir)) {
            throw new GitException(
                    "git runs hooks from "
                            + gits
                            + ", not from "
                            + dir
                            + " where akguard would install them "
                            + "(check core.hooksPath in `git config --show-origin --get-all core.hooksPath` and GIT_CONFIG_* variables); "
                            + "nothing was installed");
        }
    }

    private static boolean sameDir(Path a, Path b) {
        if (a.equals(b)) return true;
        try { // symlinked temp or home folders: compare where they really are
            return real(a).equals(real(b));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The real path of {@code p}, or of its nearest existing parent plus the rest (the hooks folder
     * may not exist yet).
     */
    private static Path real(Path p) throws IOException {
        Path existing = p;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return p;
        return existing.toRealPath().resolve(existing.relativize(p)).normalize();
    }

    private static String readOrNull(Path p) throws IOException {
        if (!Files.isRegularFile(p)) return null;
        if (Files.size(p) > 1 << 20) return null; // a binary hook: certainly not ours
        return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    }

    /** Writes via a temp file and rename, so git never runs a half-written hook. */
    static void writeExecutable(Path hook, String content) throws IOException {
        Path tmp = Files.createTempFile(hook.getParent(), "." + hook.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            try {
                Set<PosixFilePermission> perms =
                        EnumSet.of(
                                PosixFilePermission.OWNER_READ,
                                PosixFilePermission.OWNER_WRITE,
                                PosixFilePermission.OWNER_EXECUTE,
                                PosixFilePermission.GROUP_READ,
                                PosixFilePermission.GROUP_EXECUTE,
                                PosixFilePermission.OTHERS_READ,
                                PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(tmp, perms);
            } catch (UnsupportedOperationException e) {
                tmp.toFile()
                        .setExecutable(
                                true, false); // Windows: git for Windows ignores the bit anyway
            }
            Files.move(
                    tmp, hook, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
