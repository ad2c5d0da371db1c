package dev.akguard.git.commit;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.git.GitException;
import dev.akguard.git.scan.BlobFindings;
import dev.akguard.git.scan.ChangeScanner;
import dev.akguard.git.scan.ScanResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * The pre-commit check: what the index adds relative to HEAD (the empty tree before the first
 * commit). Content comes from the staged blobs, never the work tree, so a partially staged file is
 * judged by what will be committed. During a merge the index is also compared with MERGE_HEAD, and
 * only lines new to both parents count: the merged branch's own history is not this commit's doing,
 * but a key typed into a conflict resolution is.
 */
public final class StagedScan {
    private StagedScan() {}

    public static ScanResult run(Repository repo, Engine engine) {
        try (ObjectReader reader = repo.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            DirCache index = readIndex(repo);
            List<ChangeScanner.TreeSource> parents = new ArrayList<>();
            ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
            if (head != null) parents.add(treeOf(walk, head));
            List<ObjectId> mergeHeads = repo.readMergeHeads();
            if (head != null && mergeHeads != null)
                for (ObjectId m : mergeHeads) parents.add(treeOf(walk, m));
            BlobFindings blobs = new BlobFindings(engine, reader);
            ChangeScanner scanner = new ChangeScanner(reader, repo.getConfig(), engine, blobs);
            List<Finding> fs = scanner.scan(parents, () -> new DirCacheIterator(index), null);
            return new ScanResult(
                    fs, 0, blobs.blobsScanned(), blobs.bytesScanned(), blobs.skipped());
        } catch (IOException e) {
            throw new GitException("cannot read the staged changes: " + e.getMessage(), e);
        }
    }

    private static DirCache readIndex(Repository repo) throws IOException {
        if (repo.isBare())
            throw new GitException(
                    repo.getDirectory()
                            + " is a bare repository: it has no index to check (pre-commit runs in a work tree)");
        try {
            return repo.readDirCache();
        } catch (org.eclipse.jgit.errors.CorruptObjectException e) {
            throw new GitException(
                    "the index "
                            + repo.getIndexFile()
                            + " is corrupt: "
                            + e.getMessage()
                            + " (rebuild it with `git reset`)",
                    e);
        }
    }

    private static ChangeScanner.TreeSource treeOf(RevWalk walk, ObjectId commitId)
            throws IOException {
        RevCommit c = walk.parseCommit(commitId);
        ObjectReader reader = walk.getObjectReader();
        return () -> new CanonicalTreeParser(null, reader, c.getTree());
    }
}
