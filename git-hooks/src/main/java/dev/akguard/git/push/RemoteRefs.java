package dev.akguard.git.push;

import dev.akguard.git.GitEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * What the remote really holds, asked with {@code git ls-remote} (the git binary, so the user's
 * transports, credential helpers and ssh setup apply). Remote-tracking refs only say what the
 * remote held at the last fetch: after a server-side clean-up they still point at commits the
 * remote has dropped.
 */
final class RemoteRefs {
    private static final long TIMEOUT_SECONDS = 60;
    private static final int MAX_OUTPUT = 64 << 20;

    private RemoteRefs() {}

    /**
     * The refs the remote advertises (name to object id), or empty when it could not be asked
     * (offline, no git, timeout).
     */
    static Optional<Map<String, ObjectId>> list(Repository repo, String remote) {
        if (remote == null || remote.isEmpty() || remote.startsWith("-")) return Optional.empty();
        java.io.File cwd = repo.isBare() ? repo.getDirectory() : repo.getWorkTree();
        ProcessBuilder pb =
                new ProcessBuilder(git(GitEnvironment.current()), "ls-remote", "--", remote)
                        .directory(cwd)
                        .redirectError(ProcessBuilder.Redirect.DISCARD);
        // The hook's own environment (ssh agent, credential helpers), also when the hook server
        // runs this for another process.
        Map<String, String> env = GitEnvironment.current();
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.environment()
                .put("GIT_TERMINAL_PROMPT", "0"); // a hook must never wait for a password prompt
        if (env.get("GIT_SSH_COMMAND") == null
                && env.get("GIT_SSH") == null
                && repo.getConfig().getString("core", null, "sshCommand") == null) {
            pb.environment()
                    .put(
                            "GIT_SSH_COMMAND",
                            "ssh -o BatchMode=yes"); // nor for a key passphrase (the agent still
            // works)
        }
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            // Read on another thread: a remote that stalls (a hung HTTPS connection, ssh waiting
            // on the network) must not hold the push beyond the timeout, and neither may a
            // helper process of git's that keeps the pipe open.
            java.util.concurrent.CompletableFuture<byte[]> out =
                    java.util.concurrent.CompletableFuture.supplyAsync(
                            () -> {
                                try (InputStream in = p.getInputStream()) {
                                    return in.readNBytes(MAX_OUTPUT);
                                } catch (IOException e) {
                                    return new byte[0];
                                }
                            },
                            r -> {
                                Thread t = new Thread(r, "akguard-ls-remote");
                                t.setDaemon(true);
                                t.start();
                            });
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return Optional.empty();
            }
            byte[] bytes;
            try {
                bytes = out.get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException
                    | java.util.concurrent.TimeoutException e) {
                return Optional.empty(); // git exited, but something of its kept the pipe
            }
            if (p.exitValue() != 0) return Optional.empty();
            Map<String, ObjectId> refs = new LinkedHashMap<>();
            for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                int tab = line.indexOf('\t');
                if (tab == 40 || tab == 64) {
                    try {
                        refs.put(
                                line.substring(tab + 1).strip(),
                                ObjectId.fromString(line.substring(0, tab)));
                    } catch (IllegalArgumentException e) {
                        // not an object id: skip the line
                    }
                }
            }
            return Optional.of(refs);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * The git the hook would run: found on the hook's PATH (git puts its own directory first),
     * which is not this process's when the hook server runs the check.
     */
    static String git(Map<String, String> env) {
        String path = env.get("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                java.io.File f = new java.io.File(dir, "git");
                if (f.isFile() && f.canExecute()) return f.getAbsolutePath();
            }
        }
        return "git";
    }
}
