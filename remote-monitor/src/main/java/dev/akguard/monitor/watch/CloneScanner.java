package dev.akguard.monitor.watch;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.source.Skip;
import dev.akguard.git.GitException;
import dev.akguard.git.history.HistoryOptions;
import dev.akguard.git.history.HistoryScanner;
import dev.akguard.git.scan.ScanResult;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubClient;
import dev.akguard.monitor.github.GitHubException;
import dev.akguard.monitor.github.RepoInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.EmptyProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Whole-history scans: clones a repository with JGit into a temporary bare repository and scans it
 * with the hooks' history scanner (each blob once; each finding attributed to the commit that added
 * its line), then deletes the clone. Used when a repository becomes public, and when a push is
 * longer than compare lists. The clone URL is the one the repository API gives (GitHub Enterprise
 * and test servers differ from github.com); plain http is accepted only for loopback hosts, and the
 * token goes only to the API's own host. Bounded by a size limit (GitHub's estimate, checked before
 * cloning, and the clone's size on disk) and a time limit; a repository over either is recorded as
 * a {@link ScanGap}.
 */
final class CloneScanner {

    private static final Logger LOG = Logger.getLogger(CloneScanner.class.getName());

    private final Engine engine;
    private final GitHubApi api;
    private final CloneLimits limits;

    CloneScanner(Engine engine, GitHubApi api, CloneLimits limits) {
        this.engine = engine;
        this.api = api;
        this.limits = limits;
    }

    record Result(List<Finding> findings, List<ScanGap> gaps, int commits, long bytesScanned) {}

    /**
     * @param range null for every branch and tag; {@code A..B} or a commit for part of the history
     *     (commits that the clone does not have are left out of the range rather than failing it)
     * @param jobId names the clone's folder: a re-run of the same job (after a crash) starts by
     *     removing it
     */
    Result scan(String repo, String range, String jobId) throws InterruptedException {
        RepoInfo info = api.repository(repo);
        List<ScanGap> gaps = new ArrayList<>();
        if (info.cloneUrl() == null)
            throw new GitHubException("GitHub gave no clone_url for " + repo, 200);
        URI url;
        try {
            url = URI.create(info.cloneUrl());
        } catch (IllegalArgumentException e) {
            throw new GitHubException("GitHub gave an unusable clone_url for " + repo, 200);
        }
        if (!GitHubClient.secureOrLoopback(url)) {
            throw new GitHubException(
                    "refusing to clone "
                            + repo
                            + " from a non-https URL ("
                            + url.getScheme()
                            + "://"
                            + url.getHost()
                            + "): plain http is allowed only for loopback hosts",
                    200);
        }
        if (info.sizeKb() >= 0 && info.sizeKb() * 1024 > limits.maxBytes()) {
            gaps.add(
                    new ScanGap(
                            repo,
                            null,
                            null,
                            "history not scanned: GitHub puts the repository at "
                                    + info.sizeKb()
                                    + " KB, over the clone limit of "
                                    + limits.maxBytes() / 1024
                                    + " KB (raise watch.clone.maxBytes to scan it)"));
            return new Result(List.of(), gaps, 0, 0);
        }
        Path dir = limits.workDir().resolve("clone-" + jobId.replaceAll("[^A-Za-z0-9._-]", "_"));
        try {
            delete(dir); // left over by a run that died mid-clone
            Files.createDirectories(dir.getParent());
            long deadline = System.nanoTime() + limits.timeout().toNanos();
            var clone =
                    Git.cloneRepository()
                            .setURI(url.toString())
                            .setBare(true)
                            .setDirectory(dir.toFile())
                            .setCloneAllBranches(true)
                            .setTimeout(
                                    (int)
                                            Math.max(
                                                    1,
                                                    Math.min(
                                                            Integer.MAX_VALUE,
                                                            limits.timeout().toSeconds())))
                            .setProgressMonitor(new Deadline(deadline, dir, limits.maxBytes()));
            String token = api.client().tokenFor(url);
            if (token != null)
                clone.setCredentialsProvider(
                        new UsernamePasswordCredentialsProvider("x-access-token", token));
            long t0 = System.nanoTime();
            try (Git git = clone.call()) {
                long cloned = System.nanoTime();
                if (Thread.interrupted()) throw new InterruptedException();
                if (System.nanoTime() > deadline || sizeOf(dir) > limits.maxBytes()) {
                    gaps.add(tooBig(repo, dir));
                    return new Result(List.of(), gaps, 0, 0);
                }
                ScanResult r =
                        new HistoryScanner(git.getRepository(), engine, limits.threads())
                                .run(
                                        new HistoryOptions(
                                                usableRange(git.getRepository(), range), null),
                                        HistoryScanner.Progress.NONE);
                for (Skip s : r.skipped()) {
                    gaps.add(
                            new ScanGap(
                                    repo,
                                    null,
                                    s.path(),
                                    "not scanned: "
                                            + s.reason()
                                                    .name()
                                                    .toLowerCase(java.util.Locale.ROOT)
                                                    .replace('_', ' ')
                                            + " ("
                                            + s.detail()
                                            + ")"));
                }
                List<Finding> pairs = new ArrayList<>();
                for (Finding f : r.findings()) if (f.secret() != null) pairs.add(f);
                long scanned = System.nanoTime();
                LOG.info(
                        () ->
                                String.format(
                                        "%s: cloned in %.1f s (%d KB), scanned %d commits, %d blobs, %.1f MB in %.1f s: %d pair(s)",
                                        repo,
                                        (cloned - t0) / 1e9,
                                        sizeOf(dir) / 1024,
                                        r.commits(),
                                        r.blobsScanned(),
                                        r.bytesScanned() / 1e6,
                                        (scanned - cloned) / 1e9,
                                        pairs.size()));
                return new Result(pairs, gaps, r.commits(), r.bytesScanned());
            }
        } catch (GitAPIException | org.eclipse.jgit.api.errors.JGitInternalException e) {
            if (Deadline.cancelled(e)) {
                gaps.add(tooBig(repo, dir));
                return new Result(List.of(), gaps, 0, 0);
            }
            throw new GitHubException("cloning " + repo + " failed: " + e.getMessage(), -1);
        } catch (GitException e) {
            throw new GitHubException(
                    "scanning the clone of " + repo + " failed: " + e.getMessage(), -1);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot prepare a clone folder under " + limits.workDir(), e);
        } finally {
            try {
                delete(dir);
            } catch (IOException e) {
                LOG.warning(() -> "could not delete the clone " + dir + ": " + e.getMessage());
            }
        }
    }

    private ScanGap tooBig(String repo, Path dir) {
        return new ScanGap(
                repo,
                null,
                null,
                "history not scanned: the clone went over the limits ("
                        + limits.maxBytes() / 1024
                        + " KB, "
                        + limits.timeout().toSeconds()
                        + " s; raise watch.clone.maxBytes / watch.clone.timeoutSeconds)");
    }

    /**
     * A range whose base the clone lacks (a force push dropped it) becomes the history of its tip.
     */
    private static String usableRange(Repository repo, String range) throws IOException {
        if (range == null) return null;
        int dots = range.indexOf("..");
        if (dots < 0) return range;
        String base = range.substring(0, dots), tip = range.substring(dots + 2);
        ObjectId b = repo.resolve(base + "^{commit}");
        return b == null ? tip : range;
    }

    static long sizeOf(Path dir) {
        if (!Files.isDirectory(dir)) return 0;
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        Files.walkFileTree(
                dir,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                            throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path d, IOException exc)
                            throws IOException {
                        Files.delete(d);
                        return FileVisitResult.CONTINUE;
                    }
                });
    }

    /** Cancels the clone once it runs past the deadline or its pack grows past the size limit. */
    private static final class Deadline extends EmptyProgressMonitor {
        private static final String CANCELLED = "akguard: clone limits reached";
        private final long deadline;
        private final Path dir;
        private final long maxBytes;
        private long checks;

        Deadline(long deadline, Path dir, long maxBytes) {
            this.deadline = deadline;
            this.dir = dir;
            this.maxBytes = maxBytes;
        }

        @Override
        public boolean isCancelled() {
            if (System.nanoTime() > deadline || Thread.currentThread().isInterrupted()) return true;
            return (++checks & 1023) == 0 && sizeOf(dir) > maxBytes;
        }

        static boolean cancelled(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String m = t.getMessage();
                if (m != null && (m.contains("cancel") || m.contains("Cancel"))) return true;
            }
            return false;
        }
    }
}
