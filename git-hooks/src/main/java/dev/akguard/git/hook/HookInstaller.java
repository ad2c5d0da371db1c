package dev.akguard.git.hook;

import dev.akguard.git.GitException;
import dev.akguard.git.GitRepos;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Installs and removes akguard's hooks. Finds the hooks directory as git does ({@code core.hooksPath}, else the
 * common git directory's {@code hooks}, shared by all worktrees). A hook that is already there and is not ours
 * is kept: it is renamed to {@code <hook>.local} and our script runs it first. Installing twice changes nothing;
 * nothing is ever overwritten silently.
 */
public final class HookInstaller {
    public enum Action { INSTALLED, UPDATED, UNCHANGED, REMOVED, NOT_INSTALLED, NOT_OURS }

    /**
     * @param hook    the hook file
     * @param action  what happened
     * @param chained the pre-existing hook ours runs first (install), or the one restored (uninstall); null if none
     */
    public record Outcome(HookType type, Path hook, Action action, Path chained) { }

    private final Repository repo;

    public HookInstaller(Repository repo) { this.repo = repo; }

    /** Where git looks for hooks in this repository. */
    public Path hooksDir() {
        String configured = repo.getConfig().getString("core", null, "hooksPath");
        if (configured != null && !configured.isBlank()) {
            String p = configured.strip();
            if (p.equals("~") || p.startsWith("~/")) p = System.getProperty("user.home") + p.substring(1);
            Path path = Path.of(p);
            if (path.isAbsolute()) return path.normalize();
            // Relative hooksPath is relative to where git runs hooks: the work tree's top, or the git dir if bare.
            Path base = repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath();
            return base.resolve(path).toAbsolutePath().normalize();
        }
        return GitRepos.commonDir(repo).toPath().resolve("hooks").toAbsolutePath().normalize();
    }

    public Outcome install(HookType type, Path launcher) {
        Path dir = hooksDir();
        Path hook = dir.resolve(type.fileName());
        Path chained = dir.resolve(type.fileName() + HookScript.CHAINED_SUFFIX);
        String script = HookScript.render(type, launcher);
        try {
            Files.createDirectories(dir);
            Path keptChained = Files.exists(chained) ? chained : null;
            if (Files.exists(hook) || Files.isSymbolicLink(hook)) {
                String existing = readOrNull(hook);
                if (existing != null && HookScript.isOurs(existing)) {
                    if (existing.equals(script)) return new Outcome(type, hook, Action.UNCHANGED, keptChained);
                    writeExecutable(hook, script);
                    return new Outcome(type, hook, Action.UPDATED, keptChained);
                }
                if (keptChained != null) {
                    throw new GitException("both " + hook + " and " + chained + " exist and neither is akguard's; merge them into "
                            + chained + " by hand (akguard runs it first), remove " + hook + ", then run `akguard hook install` again");
                }
                // Keep the user's hook: rename, not copy, so a symlinked hook (e.g. from a hook manager) stays a symlink.
                Files.move(hook, chained, StandardCopyOption.ATOMIC_MOVE);
                writeExecutable(hook, script);
                return new Outcome(type, hook, Action.INSTALLED, chained);
            }
            writeExecutable(hook, script);
            return new Outcome(type, hook, Action.INSTALLED, keptChained);
        } catch (IOException e) {
            throw new GitException("cannot install the " + type.fileName() + " hook in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Outcome uninstall(HookType type) {
        Path dir = hooksDir();
        Path hook = dir.resolve(type.fileName());
        Path chained = dir.resolve(type.fileName() + HookScript.CHAINED_SUFFIX);
        try {
            if (!Files.exists(hook)) return new Outcome(type, hook, Action.NOT_INSTALLED, null);
            String existing = readOrNull(hook);
            if (existing == null || !HookScript.isOurs(existing)) return new Outcome(type, hook, Action.NOT_OURS, null);
            Files.delete(hook);
            if (Files.exists(chained) || Files.isSymbolicLink(chained)) {
                Files.move(chained, hook, StandardCopyOption.ATOMIC_MOVE);
                return new Outcome(type, hook, Action.REMOVED, chained);
            }
            return new Outcome(type, hook, Action.REMOVED, null);
        } catch (IOException e) {
            throw new GitException("cannot remove the " + type.fileName() + " hook in " + dir + ": " + e.getMessage(), e);
        }
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
                Set<PosixFilePermission> perms = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
                Files.setPosixFilePermissions(tmp, perms);
            } catch (UnsupportedOperationException e) {
                tmp.toFile().setExecutable(true, false); // Windows: git for Windows ignores the bit anyway
            }
            Files.move(tmp, hook, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
