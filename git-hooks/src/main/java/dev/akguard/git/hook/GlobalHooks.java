package dev.akguard.git.hook;

import dev.akguard.git.GitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * `akguard hook install --global`: points {@code core.hooksPath} in the user's global git config at
 * an akguard hooks folder, so every repository is protected without installing into each one.
 * Setting core.hooksPath makes git ignore each repository's own {@code .git/hooks}, so the folder
 * holds a small forwarder for every hook git runs: it runs the hook git would have run without us
 * (the repository's own, or the previous global core.hooksPath folder's), and akguard's check after
 * it for the hooks akguard checks. Uninstalling puts the previous core.hooksPath back (or unsets
 * it). The global config is changed with the {@code git} binary itself, so it lands exactly where
 * git reads it ({@code GIT_CONFIG_GLOBAL}, {@code ~/.gitconfig} or the XDG file).
 */
public final class GlobalHooks {
    /**
     * Every hook git runs from the hooks folder (githooks(5)), except fsmonitor-watchman, which git
     * runs by path.
     */
    public static final List<String> GIT_HOOKS =
            List.of(
                    "applypatch-msg",
                    "pre-applypatch",
                    "post-applypatch",
                    "pre-commit",
                    "pre-merge-commit",
                    "prepare-commit-msg",
                    "commit-msg",
                    "post-commit",
                    "pre-rebase",
                    "post-checkout",
                    "post-merge",
                    "pre-push",
                    "pre-receive",
                    "update",
                    "proc-receive",
                    "post-receive",
                    "post-update",
                    "reference-transaction",
                    "push-to-checkout",
                    "pre-auto-gc",
                    "post-rewrite",
                    "sendemail-validate",
                    "p4-changelist",
                    "p4-prepare-changelist",
                    "p4-post-changelist",
                    "p4-pre-submit",
                    "post-index-change");

    /** The core.hooksPath akguard replaced, kept in the folder so uninstall can restore it. */
    static final String PREVIOUS_FILE = ".previous-core-hooksPath";

    public record Result(Path dir, String previous, boolean configChanged) {}

    private final Path dir;
    private final Path home;

    /**
     * @param dir the akguard hooks folder; @param home the user's home (for {@code ~} in a previous
     *     hooksPath)
     */
    public GlobalHooks(Path dir, Path home) {
        this.dir = dir.toAbsolutePath().normalize();
        this.home = home;
    }

    public static Path defaultDir(Path home) {
        return home.resolve(".akguard").resolve("hooks");
    }

    public Path dir() {
        return dir;
    }

    public Result install(Set<HookType> checked, Path launcher) {
        String current = globalHooksPath();
        boolean ours = current != null && sameDir(current);
        try {
            Files.createDirectories(dir);
            Path record = dir.resolve(PREVIOUS_FILE);
            String previous;
            if (ours) {
                previous =
                        Files.isRegularFile(record)
                                ? Files.readString(record, StandardCharsets.UTF_8)
                                : null;
            } else {
                previous = current;
                if (previous != null) Files.writeString(record, previous, StandardCharsets.UTF_8);
                else Files.deleteIfExists(record);
            }
            String previousDir = previous == null ? null : expandHome(previous);
            for (String name : GIT_HOOKS) {
                HookType type =
                        checked.stream()
                                .filter(t -> t.fileName().equals(name))
                                .findFirst()
                                .orElse(null);
                Path hook = dir.resolve(name);
                if (Files.exists(hook)
                        && !(Files.size(hook) < 1 << 20
                                && HookScript.isOurs(
                                        Files.readString(hook, StandardCharsets.UTF_8)))) {
                    throw new GitException(
                            hook
                                    + " exists and is not akguard's; move it away (akguard's folder holds only its own "
                                    + "forwarders), then run `akguard hook install --global` again");
                }
                HookInstaller.writeExecutable(hook, render(name, type, launcher, previousDir));
            }
            if (!ours) gitConfig("core.hooksPath", dir.toString());
            return new Result(dir, previous, !ours);
        } catch (IOException e) {
            throw new GitException(
                    "cannot install akguard's global hooks in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Restores the previous core.hooksPath and removes our scripts; leaves a core.hooksPath that is
     * not ours alone.
     */
    public Result uninstall() {
        String current = globalHooksPath();
        if (current == null || !sameDir(current)) return new Result(dir, current, false);
        try {
            Path record = dir.resolve(PREVIOUS_FILE);
            String previous =
                    Files.isRegularFile(record)
                            ? Files.readString(record, StandardCharsets.UTF_8)
                            : null;
            if (previous != null) gitConfig("core.hooksPath", previous);
            else git("config", "--global", "--unset", "core.hooksPath");
            for (String name : GIT_HOOKS) {
                Path p = dir.resolve(name);
                if (Files.isRegularFile(p)
                        && Files.size(p) < 1 << 20
                        && HookScript.isOurs(Files.readString(p, StandardCharsets.UTF_8))) {
                    Files.delete(p);
                }
            }
            Files.deleteIfExists(record);
            return new Result(dir, previous, true);
        } catch (IOException e) {
            throw new GitException(
                    "cannot remove akguard's global hooks from " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The global core.hooksPath, or null when unset. */
    public String globalHooksPath() {
        ProcessResult r = git("config", "--global", "--get", "core.hooksPath");
        if (r.exit == 1) return null; // unset
        if (r.exit != 0)
            throw new GitException(
                    "`git config --global --get core.hooksPath` failed: " + r.err.strip());
        return r.out.strip();
    }

    private boolean sameDir(String configured) {
        try {
            Path p = Path.of(expandHome(configured));
            return p.isAbsolute()
                    && (p.normalize().equals(dir) || Files.exists(p) && Files.isSameFile(p, dir));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private String expandHome(String p) {
        String s = p.strip();
        if (s.equals("~")) return home.toString();
        if (s.startsWith("~/")) return home.resolve(s.substring(2)).toString();
        return s;
    }

    private void gitConfig(String key, String value) {
        ProcessResult r = git("config", "--global", key, value);
        if (r.exit != 0)
            throw new GitException("`git config --global " + key + "` failed: " + r.err.strip());
    }

    private record ProcessResult(int exit, String out, String err) {}

    private static ProcessResult git(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new GitException("`git config` did not finish within 60 s");
            }
            return new ProcessResult(
                    p.exitValue(),
                    new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GitException(
                    "cannot run git to change the global git config (is git on PATH?): "
                            + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("interrupted while running git config", e);
        }
    }

    /**
     * The forwarder for one hook. POSIX sh. The hook git would have run without us: the previous
     * global folder's, else the repository's own ({@code git rev-parse --git-common-dir}, so linked
     * worktrees and bare repositories work too); never this folder itself. For a hook akguard
     * checks, that hook runs first (with its own copy of git's stdin) and akguard after it, unless
     * the repository's hook is akguard's own per-repository hook, which already does both.
     */
    static String render(String name, HookType checked, Path launcher, String previousDir) {
        StringBuilder s = new StringBuilder("#!/bin/sh\n");
        s.append(HookScript.MARKER).append(" global ").append(name).append(" v1\n");
        s.append(
                "# Installed by `akguard hook install --global` (core.hooksPath); remove with `akguard hook uninstall --global`.\n");
        s.append("# Runs the hook git would have run without akguard")
                .append(checked == null ? "" : ", then akguard's check")
                .append(".\n");
        s.append("PREVIOUS=")
                .append(previousDir == null ? "''" : HookScript.quote(previousDir))
                .append('\n');
        s.append("case \"$0\" in */*) HOOK_DIR=\"${0%/*}\" ;; *) HOOK_DIR=. ;; esac\n");
        s.append(
                "if [ -n \"$PREVIOUS\" ]; then LOCAL_DIR=\"$PREVIOUS\"; else LOCAL_DIR=\"$(git rev-parse --git-common-dir 2>/dev/null)/hooks\" || LOCAL_DIR=; fi\n");
        s.append("LOCAL=\"$LOCAL_DIR/").append(name).append("\"\n");
        s.append(
                "if [ ! -x \"$LOCAL\" ] || [ \"$(cd \"$LOCAL_DIR\" 2>/dev/null && pwd -P)\" = \"$(cd \"$HOOK_DIR\" && pwd -P)\" ]; then LOCAL=; fi\n");
        if (checked == null) {
            s.append("if [ -n \"$LOCAL\" ]; then exec \"$LOCAL\" \"$@\"; fi\n");
            s.append("exit 0\n");
            return s.toString();
        }
        s.append("if [ -n \"$LOCAL\" ] && grep -q '^")
                .append(HookScript.MARKER)
                .append(" ")
                .append(name)
                .append("' \"$LOCAL\" 2>/dev/null; then exec \"$LOCAL\" \"$@\"; fi\n");
        s.append("AKGUARD=")
                .append(HookScript.quote(launcher.toAbsolutePath().normalize().toString()))
                .append('\n');
        s.append("if [ ! -x \"$AKGUARD\" ]; then\n");
        s.append(
                "  echo \"akguard: launcher $AKGUARD not found; reinstall with 'akguard hook install --global', or remove the global hooks \"\\\n");
        s.append("\"with 'akguard hook uninstall --global'\" >&2\n");
        s.append("  exit 1\n");
        s.append("fi\n");
        s.append("if [ -n \"$LOCAL\" ]; then\n");
        if (checked.readsStdin()) {
            s.append("  input=$(mktemp \"${TMPDIR:-/tmp}/akguard-")
                    .append(name)
                    .append(".XXXXXX\") || exit 1\n");
            s.append("  cat > \"$input\"\n");
            s.append("  status=0\n");
            s.append("  \"$LOCAL\" \"$@\" < \"$input\" || status=$?\n");
            s.append("  if [ \"$status\" -eq 0 ]; then \"$AKGUARD\" ")
                    .append(checked.command())
                    .append(" \"$@\" < \"$input\" || status=$?; fi\n");
            s.append("  rm -f \"$input\"\n");
            s.append("  exit \"$status\"\n");
        } else {
            s.append("  \"$LOCAL\" \"$@\" || exit $?\n");
        }
        s.append("fi\n");
        s.append("exec \"$AKGUARD\" ").append(checked.command()).append(" \"$@\"\n");
        return s.toString();
    }
}
