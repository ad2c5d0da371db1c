package dev.akguard.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.storage.file.WindowCacheConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/** Opens repositories the way git itself finds them, with errors a user can act on. */
public final class GitRepos {
    private GitRepos() {}

    /**
     * Opens the repository containing {@code dir} (its work tree, a linked worktree, or a bare
     * repository), honouring GIT_DIR, GIT_INDEX_FILE, GIT_OBJECT_DIRECTORY and friends, as hooks
     * run with them set.
     */
    public static Repository open(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) throw new GitException(abs + " is not a directory");
        honourHome();
        FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment();
        if (b.getGitDir() == null) {
            b.findGitDir(abs.toFile());
            if (b.getGitDir() == null && looksBare(abs)) b.setGitDir(abs.toFile());
        }
        if (b.getGitDir() == null) {
            throw new GitException(
                    abs + " is not inside a git repository (run `git init`, or pass --repo DIR)");
        }
        b.setMustExist(true);
        try {
            // A relative GIT_INDEX_FILE is relative to where git ran the hook (the work tree's
            // top).
            if (b.getIndexFile() != null && !b.getIndexFile().isAbsolute())
                b.setIndexFile(abs.resolve(b.getIndexFile().getPath()).toFile());
            Repository repo = b.build();
            if (!repo.getObjectDatabase().exists()) {
                repo.close();
                throw new GitException(
                        "the repository at "
                                + repo.getDirectory()
                                + " has no object database; it is broken (check it with `git fsck`)");
            }
            return repo;
        } catch (RepositoryNotFoundException e) {
            throw new GitException(abs + " is not a git repository (" + e.getMessage() + ")", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new GitException(
                    "cannot open the git repository at "
                            + b.getGitDir()
                            + ": "
                            + e.getMessage()
                            + " (check it with `git fsck`)",
                    e);
        }
    }

    /**
     * Stops JGit from reading git's system-wide config for the rest of this process. To find that
     * file JGit runs {@code git --version} and {@code git config --system --list}: two processes
     * that cost more than a whole pre-push check. Nothing in it changes what a hook scans (the
     * repository's and the user's config are still read). The installer does not call this:
     * core.hooksPath may be set system-wide.
     */
    public static synchronized void skipSystemConfig() {
        SystemReader current = SystemReader.getInstance();
        if (current instanceof NoSystemConfig) return;
        SystemReader.setInstance(new NoSystemConfig(current));
    }

    /**
     * For short-lived processes (the hooks): JGit's clean-up (it stops the thread that saves
     * measured file-system timestamps to ~/.config/jgit/config, so no lock file is left behind)
     * runs when the returned handle is closed, instead of from a JVM shutdown hook. Registering
     * that hook loads JGit's whole message bundle (a thousand strings set by reflection, so that
     * they can still be loaded during shutdown) — the largest single start-up cost of a pre-push
     * check. JGit does exactly this inside OSGi, where the service is created through its public
     * constructor and shut down by the framework; we play the framework. Internal JGit API,
     * isolated here; if it changes, JGit registers its hook as usual and the handle does nothing.
     */
    public static synchronized AutoCloseable deferJGitCleanup() {
        try {
            org.eclipse.jgit.internal.util.CleanupService service =
                    new org.eclipse.jgit.internal.util.CleanupService();
            java.lang.reflect.Method shutDown = service.getClass().getDeclaredMethod("shutDown");
            shutDown.setAccessible(true);
            return () -> {
                try {
                    shutDown.invoke(service);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // Clean-up is best effort, as in a shutdown hook.
                }
            };
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return () -> {};
        }
    }

    private static final class NoSystemConfig extends SystemReader.Delegate {
        NoSystemConfig(SystemReader delegate) {
            super(delegate);
        }

        @Override
        public FileBasedConfig openSystemConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, null, fs) {
                @Override
                public void load() {
                    /* empty by design */
                }

                @Override
                public boolean isOutdated() {
                    return false;
                }
            };
        }
    }

    /**
     * Git finds ~/.gitconfig through $HOME; JGit through the JVM's user.home, which comes from the
     * password database. Hooks and tests run with HOME set on purpose, so follow git.
     */
    private static void honourHome() {
        String home = GitEnvironment.get("HOME");
        if (home != null && !home.isBlank() && Files.isDirectory(Path.of(home)))
            FS.DETECTED.setUserHome(new File(home));
    }

    /**
     * Sizes JGit's pack caches for reading a whole history. JGit's defaults (10 MiB of pack
     * windows, 10 MiB of delta bases) suit a server handling many small requests; a history scan
     * reads every blob once, in commit order, and with small caches re-inflates the same delta
     * bases over and over. Git itself keeps 96 MiB of delta bases. The sizes stay within a modest
     * share of the heap. Process-wide; call before opening repositories.
     */
    public static void useLargePackCaches() {
        long heap = Runtime.getRuntime().maxMemory();
        WindowCacheConfig c = new WindowCacheConfig();
        c.setPackedGitLimit(Math.max(32L << 20, Math.min(256L << 20, heap / 4)));
        c.setPackedGitWindowSize(64 << 10);
        c.setDeltaBaseCacheLimit((int) Math.max(16L << 20, Math.min(96L << 20, heap / 8)));
        c.setStreamFileThreshold(
                (int) Math.min(Integer.MAX_VALUE - 16L, Math.max(50L << 20, heap / 8)));
        c.install();
    }

    private static boolean looksBare(Path dir) {
        return Files.isRegularFile(dir.resolve("HEAD"))
                && Files.isDirectory(dir.resolve("objects"))
                && Files.isDirectory(dir.resolve("refs"));
    }

    /** The directory shared by all worktrees (hooks, config, objects live there). */
    public static File commonDir(Repository repo) {
        File c = repo.getCommonDirectory();
        return c != null ? c : repo.getDirectory();
    }
}
