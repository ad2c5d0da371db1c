package dev.akguard.git.history;

import dev.akguard.core.Engine;
import dev.akguard.core.ScanRunner;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.GitInfo;
import dev.akguard.git.GitException;
import dev.akguard.git.scan.BlobFindings;
import dev.akguard.git.scan.ChangeScanner;
import dev.akguard.git.scan.CommitScanner;
import dev.akguard.git.scan.ScanResult;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
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
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scans history for credentials, oldest commit first. Per commit, a tree walk against the parents lists the
 * (path, blob) pairs the commit introduces — no diffs are computed for the common case. Each blob is scanned
 * once; only when a blob holds a credential is the commit diffed (with rename detection) to see whether that
 * commit added the credential's line, so a key is attributed to the commit that introduced it and not to every
 * later commit that edits the same file. A (blob, path) pair is reported at most once: at the earliest commit
 * that introduced it.
 */
public final class HistoryScanner {
    /** Called after each commit; implementations must be cheap (throttle their own output). */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total, int findings);

        Progress NONE = (d, t, f) -> { };
    }

    private final Repository repo;
    private final Engine engine;

    public HistoryScanner(Repository repo, Engine engine) {
        this.repo = repo;
        this.engine = engine;
    }

    /** True when the repository is a shallow clone: its oldest commits stand in for history it does not have. */
    public boolean isShallow() {
        try {
            return !repo.getObjectDatabase().getShallowCommits().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    public ScanResult run(HistoryOptions options, Progress progress) {
        try (ObjectReader reader = repo.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            List<RevCommit> commits = commits(walk, options);
            BlobFindings blobs = new BlobFindings(engine, reader);
            ChangeScanner changes = new ChangeScanner(reader, repo.getConfig(), engine, blobs);
            Set<String> reported = new HashSet<>();
            List<Finding> out = new ArrayList<>();
            try (TreeWalk tw = new TreeWalk(reader)) {
                tw.setRecursive(true);
                int done = 0;
                for (RevCommit c : commits) {
                    out.addAll(scanCommit(walk, tw, changes, reported, c));
                    progress.update(++done, commits.size(), out.size());
                }
            }
            return new ScanResult(out, commits.size(), blobs.blobsScanned(), blobs.bytesScanned(), blobs.skipped());
        } catch (MissingObjectException e) {
            throw new GitException("object " + e.getObjectId().name() + " is missing: the repository is corrupt or a partial clone "
                    + "(run `git fsck`; for a partial clone, fetch the full history first)", e);
        } catch (IOException e) {
            throw new GitException("cannot read the history: " + e.getMessage() + " (check the repository with `git fsck`)", e);
        }
    }

    private List<Finding> scanCommit(RevWalk walk, TreeWalk tw, ChangeScanner changes, Set<String> reported, RevCommit c) throws IOException {
        RevCommit[] parents = c.getParents();
        tw.reset();
        if (parents.length == 0) tw.addTree(new EmptyTreeIterator());
        for (RevCommit p : parents) {
            walk.parseHeaders(p);
            tw.addTree(p.getTree());
        }
        int self = tw.addTree(c.getTree());
        tw.setFilter(TreeFilter.ANY_DIFF);
        List<Finding> out = new ArrayList<>();
        List<List<DiffEntry>> diffs = null;
        GitInfo info = null;
        while (tw.next()) {
            int mode = tw.getRawMode(self);
            if (!FileMode.REGULAR_FILE.equals(mode) && !FileMode.EXECUTABLE_FILE.equals(mode)) continue; // gitlinks, symlinks, deletions
            if (!introduced(tw, self)) continue;
            String path = tw.getPathString();
            if (engine.isExcluded(path)) continue;
            ObjectId blob = tw.getObjectId(self);
            List<Finding> found = changes.blobs().of(blob, path);
            if (found.isEmpty() || !reported.add(blob.name() + ":" + path)) continue;
            if (diffs == null) diffs = changes.diffs(parentSources(walk, c), () -> new CanonicalTreeParser(null, walk.getObjectReader(), c.getTree()));
            List<DiffEntry> perParent = new ArrayList<>(diffs.size());
            for (List<DiffEntry> d : diffs) perParent.add(entryFor(d, path));
            List<Finding> kept = changes.keepAdded(blob, found, perParent);
            if (kept.isEmpty()) continue;
            if (info == null) info = CommitScanner.gitInfo(walk, c);
            for (Finding f : kept) out.add(f.withGit(info));
        }
        out.sort(ScanRunner.ORDER);
        return out;
    }

    /** The blob at this path differs from the one at the same path in every parent. */
    private static boolean introduced(TreeWalk tw, int self) {
        for (int p = 0; p < self; p++) {
            if (tw.getRawMode(p) != 0 && tw.idEqual(p, self)) return false;
        }
        return true;
    }

    private static DiffEntry entryFor(List<DiffEntry> diff, String path) {
        for (DiffEntry e : diff) if (e.getChangeType() != DiffEntry.ChangeType.DELETE && e.getNewPath().equals(path)) return e;
        return null;
    }

    private static List<ChangeScanner.TreeSource> parentSources(RevWalk walk, RevCommit c) {
        List<ChangeScanner.TreeSource> out = new ArrayList<>();
        if (c.getParentCount() == 0) out.add(ChangeScanner.TreeSource.EMPTY);
        for (RevCommit p : c.getParents()) out.add(() -> new CanonicalTreeParser(null, walk.getObjectReader(), p.getTree()));
        return out;
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
                    throw new GitException("ref " + r.getName() + " points to missing object " + r.getObjectId().name()
                            + ": the repository is corrupt (run `git fsck`)", e);
                }
                if (obj instanceof RevCommit rc) { walk.markStart(rc); any = true; }
            }
            if (!any) return List.of();
        } else {
            String range = o.range().trim();
            int dots = range.indexOf("..");
            if (range.contains("...")) throw new GitException("--range takes A..B or a single revision; symmetric differences (A...B) are not supported");
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
        if (id == null) throw new GitException("revision '" + rev + "' does not exist in " + repo.getDirectory());
        return walk.parseCommit(id);
    }
}
