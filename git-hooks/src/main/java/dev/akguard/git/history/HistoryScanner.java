package dev.akguard.git.history;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.git.GitException;
import dev.akguard.git.scan.BlobFindings;
import dev.akguard.git.scan.ChangeScanner;
import dev.akguard.git.scan.CommitScanner;
import dev.akguard.git.scan.ScanResult;
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

import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Scans history for credentials, oldest commit first, with the same per-commit logic as the pre-push check
 * ({@link ChangeScanner}): a tree walk lists the (path, blob) pairs each commit introduces, each blob is scanned
 * once for the whole history, and only a blob holding a credential costs a diff, to attribute the key to the
 * commit that added its line rather than to every later commit that edits the file. A (blob, path) pair is
 * reported at most once: at the earliest commit that introduced it.
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
            int done = 0;
            for (RevCommit c : commits) {
                out.addAll(scanCommit(walk, changes, reported, c));
                progress.update(++done, commits.size(), out.size());
            }
            return new ScanResult(out, commits.size(), blobs.blobsScanned(), blobs.bytesScanned(), blobs.skipped());
        } catch (MissingObjectException e) {
            throw new GitException("object " + e.getObjectId().name() + " is missing: the repository is corrupt or a partial clone "
                    + "(run `git fsck`; for a partial clone, fetch the full history first)", e);
        } catch (IOException e) {
            throw new GitException("cannot read the history: " + e.getMessage() + " (check the repository with `git fsck`)", e);
        }
    }

    private List<Finding> scanCommit(RevWalk walk, ChangeScanner changes, Set<String> reported, RevCommit c) throws IOException {
        ObjectReader reader = walk.getObjectReader();
        List<ChangeScanner.TreeSource> parents = new ArrayList<>(c.getParentCount());
        for (RevCommit p : c.getParents()) {
            walk.parseHeaders(p);
            parents.add(() -> new CanonicalTreeParser(null, reader, p.getTree()));
        }
        return changes.scan(parents, () -> new CanonicalTreeParser(null, reader, c.getTree()), () -> {
            try {
                return CommitScanner.gitInfo(walk, c);
            } catch (IOException e) {
                throw new GitException("cannot read commit " + c.name() + ": " + e.getMessage(), e);
            }
        }, (blob, path) -> reported.add(blob.name() + ":" + path));
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
