package dev.akguard.git.push;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.git.scan.BlobFindings;
import dev.akguard.git.scan.ChangeScanner;
import dev.akguard.git.scan.CommitScanner;
import dev.akguard.git.scan.ScanResult;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The pre-push check: every commit the push sends, one at a time, so a key that a later commit
 * deletes still blocks (it would be in the remote's history). Each commit reports only the lines it
 * adds.
 */
public final class PrePushScan {
    private PrePushScan() {}

    public static ScanResult run(
            Repository repo, Engine engine, String remote, List<PushUpdate> updates) {
        try (ObjectReader reader = repo.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            return scanCommits(
                    repo, reader, walk, engine, PushRange.commits(repo, walk, remote, updates));
        }
    }

    /** Scans each commit for the lines it adds (shared with the server-side pre-receive check). */
    public static ScanResult scanCommits(
            Repository repo,
            ObjectReader reader,
            RevWalk walk,
            Engine engine,
            List<RevCommit> commits) {
        if (commits.isEmpty()) return new ScanResult(List.of(), 0, 0, 0, List.of());
        BlobFindings blobs = new BlobFindings(engine, reader);
        CommitScanner scanner =
                new CommitScanner(walk, new ChangeScanner(reader, repo.getConfig(), engine, blobs));
        List<Finding> out = new ArrayList<>();
        for (RevCommit c : commits) {
            out.addAll(scanner.scan(c));
        }
        return new ScanResult(
                out, commits.size(), blobs.blobsScanned(), blobs.bytesScanned(), blobs.skipped());
    }
}
