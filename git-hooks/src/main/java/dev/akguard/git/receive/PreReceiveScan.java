package dev.akguard.git.receive;

import dev.akguard.core.Engine;
import dev.akguard.git.GitException;
import dev.akguard.git.push.PrePushScan;
import dev.akguard.git.scan.ScanResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The server-side check: every commit a push brings that no existing ref already has, one at a
 * time, so a key that a later commit of the same push deletes is still refused. Runs inside git's
 * quarantine environment: the pushed objects are only in {@code GIT_OBJECT_DIRECTORY} (the
 * quarantine), the repository's own objects come through {@code GIT_ALTERNATE_OBJECT_DIRECTORIES},
 * and the refs still hold their old values — which is exactly what "already on the server" means. A
 * branch whose commits the server already has therefore costs one walk that stops at once.
 */
public final class PreReceiveScan {
    private PreReceiveScan() {}

    public static ScanResult run(Repository repo, Engine engine, List<RefUpdate> updates) {
        try (ObjectReader reader = repo.newObjectReader();
                RevWalk walk = new RevWalk(reader)) {
            List<RevCommit> commits = newCommits(repo, walk, updates);
            return PrePushScan.scanCommits(repo, reader, walk, engine, commits);
        }
    }

    /** The commits the updates introduce, oldest first (parents before children). */
    static List<RevCommit> newCommits(Repository repo, RevWalk walk, List<RefUpdate> updates) {
        try {
            boolean any = false;
            for (RefUpdate u : updates) {
                if (u.isDeletion()) continue;
                RevObject o;
                try {
                    o = walk.peel(walk.parseAny(u.newId()));
                } catch (MissingObjectException e) {
                    throw new GitException(
                            "the pushed object "
                                    + u.newId().name()
                                    + " for "
                                    + u.ref()
                                    + " is not in the repository "
                                    + "(is the hook running outside git's receive-pack, without its quarantine environment?)",
                            e);
                }
                if (o instanceof RevCommit c) {
                    walk.markStart(c);
                    any = true;
                }
            }
            if (!any) return List.of();
            for (Ref r : repo.getRefDatabase().getRefs()) {
                ObjectId id =
                        r.getPeeledObjectId() != null ? r.getPeeledObjectId() : r.getObjectId();
                if (id != null) uninteresting(walk, id);
            }
            for (RefUpdate u : updates) if (!u.isCreation()) uninteresting(walk, u.oldId());
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            List<RevCommit> out = new ArrayList<>();
            for (RevCommit c : walk) out.add(c);
            return out;
        } catch (IOException e) {
            throw new GitException(
                    "cannot walk the pushed commits: "
                            + e.getMessage()
                            + " (check the repository with `git fsck`)",
                    e);
        }
    }

    private static void uninteresting(RevWalk walk, ObjectId id) throws IOException {
        try {
            RevObject o = walk.peel(walk.parseAny(id));
            if (o instanceof RevCommit c) walk.markUninteresting(c);
        } catch (MissingObjectException e) {
            // A ref to an object that is gone (a broken repository): it cannot be an ancestor of
            // what is pushed.
        }
    }
}
