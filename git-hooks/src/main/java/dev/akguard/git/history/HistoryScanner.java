package dev.akguard.git.history;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.GitInfo;
import dev.akguard.git.GitException;
import dev.akguard.git.scan.BlobFindings;
import dev.akguard.git.scan.ChangeScanner;
import dev.akguard.git.scan.CommitScanner;
import dev.akguard.git.scan.ScanResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.CommitTimeRevFilter;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * Scans history for credentials, with the same per-commit logic as the pre-push check ({@link
 * ChangeScanner}), in three passes so the expensive part runs in parallel:
 *
 * <ol>
 *   <li>walk the commits oldest first; a tree walk against the parents lists the (path, blob) pairs
 *       each commit introduces (trees only, no blob is read);
 *   <li>read and scan each distinct blob once, on several threads (inflating blobs is most of the
 *       work);
 *   <li>for the rare blob that holds a credential, diff its commit to attribute the key to the
 *       commit that added its line, not to every later commit that edits the file.
 * </ol>
 *
 * A (blob, path) pair is reported at most once: at the earliest commit that introduced it.
 */
public final class HistoryScanner {
    /** Called as the scan advances; implementations must be cheap (throttle their own output). */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param phase "commits" (listing what each commit introduces) or "blobs" (scanning them)
         */
        void update(String phase, int done, int total, int findings);

        Progress NONE = (p, d, t, f) -> {};
    }

    private final Repository repo;
    private final Engine engine;
    private final int threads;

    public HistoryScanner(Repository repo, Engine engine) {
        this(repo, engine, 1);
    }

    public HistoryScanner(Repository repo, Engine engine, int threads) {
        this.repo = repo;
        this.engine = engine;
        this.threads = Math.max(1, threads);
    }

    /**
     * True when the repository is a shallow clone: its oldest commits stand in for history it does
     * not have.
     */
    public boolean isShallow() {
        try {
            return !repo.getObjectDatabase().getShallowCommits().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    public ScanResult run(HistoryOptions options, Progress progress) {
        try (ObjectReader reader = repo.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            List<RevCommit> commits = commits(walk, options);
            BlobFindings blobs = new BlobFindings(engine, reader);
            ChangeScanner changes = new ChangeScanner(reader, repo.getConfig(), engine, blobs);

            // Pass 1: what each commit introduces (in parallel: commits are independent); each
            // distinct blob gets an index.
            List<List<ChangeScanner.Introduced>> perCommit =
                    introducedPerCommit(walk, commits, progress);
            Map<ObjectId, Integer> blobIndex = new HashMap<>();
            List<ObjectId> distinct = new ArrayList<>();
            List<String> firstPaths =
                    new ArrayList<>(); // named in messages about a blob (e.g. too large)
            for (List<ChangeScanner.Introduced> in : perCommit) {
                for (ChangeScanner.Introduced e : in) {
                    if (blobIndex.putIfAbsent(e.blob(), distinct.size()) == null) {
                        distinct.add(e.blob());
                        firstPaths.add(e.path());
                    }
                }
            }

            // Pass 2: scan each blob once, in parallel.
            ParallelBlobScan.Result scanned =
                    new ParallelBlobScan(repo, engine, threads)
                            .scan(distinct, firstPaths, blobs, progress);

            // Pass 3: attribute findings to commits, oldest first.
            Set<String> reported = new HashSet<>();
            List<Finding> out = new ArrayList<>();
            for (int i = 0; i < commits.size(); i++) {
                RevCommit c = commits.get(i);
                List<ChangeScanner.Introduced> withFindings = new ArrayList<>();
                for (ChangeScanner.Introduced e : perCommit.get(i)) {
                    List<Finding> fs = scanned.findings(blobIndex.get(e.blob()));
                    if (!fs.isEmpty())
                        withFindings.add(
                                new ChangeScanner.Introduced(
                                        e.path(), e.blob(), relabel(fs, e.path())));
                }
                perCommit.set(i, null); // let it go as we move on
                if (withFindings.isEmpty()) continue;
                out.addAll(
                        changes.attribute(
                                parents(walk, c),
                                tree(reader, c),
                                withFindings,
                                () -> gitInfo(walk, c),
                                (blob, path) -> reported.add(blob.name() + ":" + path)));
            }
            List<dev.akguard.core.source.Skip> skipped = new ArrayList<>(blobs.skipped());
            skipped.addAll(scanned.skipped());
            return new ScanResult(
                    out, commits.size(), scanned.blobsScanned(), scanned.bytesScanned(), skipped);
        } catch (MissingObjectException e) {
            throw new GitException(
                    "object "
                            + e.getObjectId().name()
                            + " is missing: the repository is corrupt or a partial clone "
                            + "(run `git fsck`; for a partial clone, fetch the full history first)",
                    e);
        } catch (IOException e) {
            throw new GitException(
                    "cannot read the history: "
                            + e.getMessage()
                            + " (check the repository with `git fsck`)",
                    e);
        }
    }

    /**
     * Tree walks of many commits at once; each thread has its own reader, results land in commit
     * order.
     */
    private List<List<ChangeScanner.Introduced>> introducedPerCommit(
            RevWalk walk, List<RevCommit> commits, Progress progress) throws IOException {
        for (RevCommit c : commits)
            for (RevCommit p : c.getParents()) walk.parseHeaders(p); // RevWalk is single-threaded
        List<List<ChangeScanner.Introduced>> out =
                new ArrayList<>(java.util.Collections.nCopies(commits.size(), List.of()));
        java.util.concurrent.atomic.AtomicInteger next =
                new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger done =
                new java.util.concurrent.atomic.AtomicInteger();
        int n = Math.min(threads, Math.max(1, commits.size() / 256));
        Workers.run(
                n,
                "akguard-history-walk",
                () -> {
                    try (ObjectReader reader = repo.newObjectReader()) {
                        ChangeScanner mine =
                                new ChangeScanner(
                                        reader,
                                        repo.getConfig(),
                                        engine,
                                        new BlobFindings(engine, reader));
                        int start;
                        while ((start = next.getAndAdd(64)) < commits.size()) {
                            for (int i = start; i < Math.min(start + 64, commits.size()); i++) {
                                RevCommit c = commits.get(i);
                                List<ChangeScanner.TreeSource> parents =
                                        new ArrayList<>(c.getParentCount());
                                for (RevCommit p : c.getParents())
                                    parents.add(
                                            () ->
                                                    new CanonicalTreeParser(
                                                            null, reader, p.getTree()));
                                out.set(i, mine.introduced(parents, tree(reader, c)));
                                int d = done.incrementAndGet();
                                if ((d & 63) == 0 || d == commits.size())
                                    progress.update("commits", d, commits.size(), 0);
                            }
                        }
                    }
                });
        return out;
    }

    private static List<Finding> relabel(List<Finding> fs, String path) {
        List<Finding> out = new ArrayList<>(fs.size());
        for (Finding f : fs) out.add(f.path().equals(path) ? f : f.withPath(path));
        return out;
    }

    private static List<ChangeScanner.TreeSource> parents(RevWalk walk, RevCommit c)
            throws IOException {
        ObjectReader reader = walk.getObjectReader();
        List<ChangeScanner.TreeSource> out = new ArrayList<>(c.getParentCount());
        for (RevCommit p : c.getParents()) {
            walk.parseHeaders(p);
            out.add(() -> new CanonicalTreeParser(null, reader, p.getTree()));
        }
        return out;
    }

    private static ChangeScanner.TreeSource tree(ObjectReader reader, RevCommit c) {
        return () -> new CanonicalTreeParser(null, reader, c.getTree());
    }

    private static GitInfo gitInfo(RevWalk walk, RevCommit c) {
        try {
            return CommitScanner.gitInfo(walk, c);
        } catch (IOException e) {
            throw new GitException("cannot read commit " + c.name() + ": " + e.getMessage(), e);
        }
    }

    /** The commits to scan, oldest first. */
    List<RevCommit> commits(RevWalk walk, HistoryOptions o) throws IOException {
        walk.setRetainBody(false); // bodies are re-read only for commits with findings
        if (o.range() == null) {
            boolean any = false;
            for (Ref r : repo.getRefDatabase().getRefs()) {
                if (r.getObjectId() == null) continue;
                RevObject obj;
                try {
                    obj = walk.peel(walk.parseAny(r.getObjectId()));
                } catch (MissingObjectException e) {
                    throw new GitException(
                            "ref "
                                    + r.getName()
                                    + " points to missing object "
                                    + r.getObjectId().name()
                                    + ": the repository is corrupt (run `git fsck`)",
                            e);
                }
                if (obj instanceof RevCommit rc) {
                    walk.markStart(rc);
                    any = true;
                }
            }
            if (!any) return List.of();
        } else {
            String range = o.range().trim();
            int dots = range.indexOf("..");
            if (range.contains("..."))
                throw new GitException(
                        "--range takes A..B or a single revision; symmetric differences (A...B) are not supported");
            if (dots >= 0) {
                String a = range.substring(0, dots), b = range.substring(dots + 2);
                walk.markStart(commit(walk, b.isEmpty() ? Constants.HEAD : b));
                walk.markUninteresting(commit(walk, a.isEmpty() ? Constants.HEAD : a));
            } else {
                walk.markStart(commit(walk, range));
            }
        }
        if (o.since() != null) walk.setRevFilter(CommitTimeRevFilter.after(Date.from(o.since())));
        walk.sort(RevSort.TOPO, true);
        walk.sort(RevSort.REVERSE, true);
        List<RevCommit> out = new ArrayList<>();
        for (RevCommit c : walk) out.add(c);
        return out;
    }

    private RevCommit commit(RevWalk walk, String rev) throws IOException {
        ObjectId id;
        try {
            id = repo.resolve(rev + "^{commit}");
        } catch (RevisionSyntaxException e) {
            throw new GitException("'" + rev + "' is not a valid revision", e);
        }
        if (id == null)
            throw new GitException(
                    "revision '" + rev + "' does not exist in " + repo.getDirectory());
        return walk.parseCommit(id);
    }
}
