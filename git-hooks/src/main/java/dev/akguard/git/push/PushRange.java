package dev.akguard.git.push;

import dev.akguard.git.GitException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Which commits a push sends that the remote does not have: those reachable from the pushed local
 * objects (tags peeled) and not from anything the remote is known to hold — the old values of the
 * pushed refs (git's stdin: what the remote has now) and those remote-tracking refs of that remote
 * that the remote still advertises ({@code git ls-remote}). A stale tracking ref (the remote
 * deleted the branch, or rewrote it to drop a key) is therefore no reason to skip a commit; when
 * the remote cannot be asked, tracking refs are not trusted at all. One rule covers updates
 * (remote..local), new branches (everything the remote lacks) and force pushes (the rewritten
 * commits, not the ones the remote already has). Deletions send nothing.
 */
public final class PushRange {
    private PushRange() {}

    /** The commits to scan, oldest first (parents before children). */
    public static List<RevCommit> commits(
            Repository repo, RevWalk walk, String remote, List<PushUpdate> updates) {
        try {
            boolean any = false;
            for (PushUpdate u : updates) {
                if (u.isDeletion()) continue;
                RevObject o = peel(walk, u.localId(), u.localRef());
                if (o instanceof RevCommit c) {
                    walk.markStart(c);
                    any = true;
                }
            }
            if (!any) return List.of();
            for (ObjectId known : knownOnRemote(repo, remote, updates)) {
                try {
                    RevObject o = walk.peel(walk.parseAny(known));
                    if (o instanceof RevCommit c) walk.markUninteresting(c);
                } catch (MissingObjectException e) {
                    // The remote has a commit we never fetched: it cannot be an ancestor of ours,
                    // nothing to exclude.
                }
            }
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true);
            List<RevCommit> out = new ArrayList<>();
            for (RevCommit c : walk) out.add(c);
            return out;
        } catch (IOException e) {
            throw new GitException(
                    "cannot walk the commits being pushed: "
                            + e.getMessage()
                            + " (check the repository with `git fsck`)",
                    e);
        }
    }

    private static RevObject peel(RevWalk walk, ObjectId id, String ref) throws IOException {
        try {
            return walk.peel(walk.parseAny(id));
        } catch (MissingObjectException e) {
            throw new GitException(
                    "the pushed object " + id.name() + " (" + ref + ") is not in this repository",
                    e);
        }
    }

    /**
     * Old values of the pushed refs (git's stdin), plus, when remote-tracking refs of the remote
     * (by name, or by matching URL) could add something, what {@code git ls-remote} says the remote
     * has:
     *
     * <ul>
     *   <li>every advertised commit we have locally (it is on the remote, whatever our tracking
     *       refs say);
     *   <li>a tracking ref whose branch the remote still has at a commit we have not fetched (it
     *       most likely moved on, which a pre-push hook cannot tell from a rewrite without
     *       fetching);
     *   <li>not a tracking ref whose branch the remote no longer has: the commits only it reaches
     *       are scanned.
     * </ul>
     *
     * When the remote cannot be asked, no tracking ref is trusted.
     */
    static Set<ObjectId> knownOnRemote(Repository repo, String remote, List<PushUpdate> updates)
            throws IOException {
        Set<ObjectId> ids = new LinkedHashSet<>();
        for (PushUpdate u : updates) if (!u.isNewRef()) ids.add(u.remoteId());
        java.util.Map<String, ObjectId> tracking =
                new java.util.LinkedHashMap<>(); // branch name on the remote -> id
        for (String name : remoteNames(repo, remote)) {
            String prefix = Constants.R_REMOTES + name + "/";
            for (Ref r : repo.getRefDatabase().getRefsByPrefix(prefix)) {
                if (r.getObjectId() != null && !ids.contains(r.getObjectId())) {
                    tracking.put(
                            Constants.R_HEADS + r.getName().substring(prefix.length()),
                            r.getObjectId());
                }
            }
        }
        if (tracking.isEmpty()) return ids;
        java.util.Map<String, ObjectId> advertised = RemoteRefs.list(repo, remote).orElse(null);
        if (advertised == null) return ids;
        for (ObjectId a : advertised.values()) if (repo.getObjectDatabase().has(a)) ids.add(a);
        for (java.util.Map.Entry<String, ObjectId> t : tracking.entrySet()) {
            ObjectId now = advertised.get(t.getKey());
            if (now != null && !repo.getObjectDatabase().has(now)) ids.add(t.getValue());
        }
        return ids;
    }

    /**
     * Git passes the remote's name, or its URL when the push named a URL; map a URL back to
     * configured remotes.
     */
    static Set<String> remoteNames(Repository repo, String remote) {
        Set<String> names = new LinkedHashSet<>();
        if (remote == null || remote.isEmpty()) return names;
        Set<String> configured = repo.getConfig().getSubsections("remote");
        if (configured.contains(remote)) names.add(remote);
        for (String n : configured) {
            for (String url : repo.getConfig().getStringList("remote", n, "url"))
                if (url.equals(remote)) names.add(n);
            for (String url : repo.getConfig().getStringList("remote", n, "pushurl"))
                if (url.equals(remote)) names.add(n);
        }
        return names;
    }
}
