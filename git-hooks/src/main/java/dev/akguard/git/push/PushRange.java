package dev.akguard.git.push;

import dev.akguard.git.GitException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 *
 * <p>Asking the remote costs a connection (20 ms to a local bare repository, far more over a
 * network) on every push, so it is asked only when its answer could change the result: when some
 * tracking ref would exclude a commit that the old values do not already exclude. The usual push,
 * new commits on top of a branch the remote has, never needs it.
 */
public final class PushRange {
    private PushRange() {}

    /** What a remote advertises (ref name to object id), or empty when it cannot be asked. */
    @FunctionalInterface
    public interface Advertisement {
        Optional<Map<String, ObjectId>> refs(Repository repo, String remote);
    }

    /** The commits to scan, oldest first (parents before children). */
    public static List<RevCommit> commits(
            Repository repo, RevWalk walk, String remote, List<PushUpdate> updates) {
        return commits(repo, walk, remote, updates, RemoteRefs::list);
    }

    /** As {@link #commits(Repository, RevWalk, String, List)}, asking {@code remoteRefs}. */
    public static List<RevCommit> commits(
            Repository repo,
            RevWalk walk,
            String remote,
            List<PushUpdate> updates,
            Advertisement remoteRefs) {
        try {
            List<RevCommit> starts = new ArrayList<>();
            for (PushUpdate u : updates) {
                if (u.isDeletion()) continue;
                if (peel(walk, u.localId(), u.localRef()) instanceof RevCommit c) starts.add(c);
            }
            if (starts.isEmpty()) return List.of();
            Set<ObjectId> olds = new LinkedHashSet<>();
            for (PushUpdate u : updates) if (!u.isNewRef()) olds.add(u.remoteId());
            Map<String, ObjectId> tracking = trackingRefs(repo, remote, olds);
            if (tracking.isEmpty()) return walk(walk, starts, olds);

            // The range if every tracking ref were right; if the old values alone give no more
            // commits, the tracking refs change nothing and the remote need not be asked.
            Set<ObjectId> trusting = new LinkedHashSet<>(olds);
            trusting.addAll(tracking.values());
            List<RevCommit> narrow = walk(walk, starts, trusting);
            if (!exceeds(walk.getObjectReader(), starts, olds, narrow.size())) return narrow;

            Map<String, ObjectId> advertised = remoteRefs.refs(repo, remote).orElse(null);
            return walk(walk, starts, knownOnRemote(repo, olds, tracking, advertised));
        } catch (IOException e) {
            throw new GitException(
                    "cannot walk the commits being pushed: "
                            + e.getMessage()
                            + " (check the repository with `git fsck`)",
                    e);
        }
    }

    /** Commits reachable from {@code starts} and not from {@code known}, oldest first. */
    private static List<RevCommit> walk(RevWalk walk, List<RevCommit> starts, Set<ObjectId> known)
            throws IOException {
        walk.reset();
        walk.sort(RevSort.NONE);
        for (RevCommit c : starts) walk.markStart(walk.parseCommit(c));
        markKnown(walk, known);
        walk.sort(RevSort.TOPO, true);
        walk.sort(RevSort.REVERSE, true);
        List<RevCommit> out = new ArrayList<>();
        for (RevCommit c : walk) out.add(c);
        return out;
    }

    /**
     * Whether more than {@code limit} commits are reachable from {@code starts} and not from {@code
     * known}; stops counting there. Unsorted, so it may count a commit it later finds known (clock
     * skew), which only errs towards asking the remote.
     */
    private static boolean exceeds(
            org.eclipse.jgit.lib.ObjectReader reader,
            List<RevCommit> starts,
            Set<ObjectId> known,
            int limit)
            throws IOException {
        try (RevWalk counter = new RevWalk(reader)) {
            for (RevCommit c : starts) counter.markStart(counter.parseCommit(c));
            markKnown(counter, known);
            int n = 0;
            for (RevCommit ignored : counter) if (++n > limit) return true;
            return false;
        }
    }

    private static void markKnown(RevWalk walk, Set<ObjectId> known) throws IOException {
        for (ObjectId id : known) {
            try {
                if (walk.peel(walk.parseAny(id)) instanceof RevCommit c) walk.markUninteresting(c);
            } catch (MissingObjectException e) {
                // The remote has a commit we never fetched: it cannot be an ancestor of ours,
                // nothing to exclude.
            }
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
     * This remote's tracking refs (by name, or by matching URL) that are not already among the old
     * values: branch name on the remote to the commit this clone last saw there.
     */
    static Map<String, ObjectId> trackingRefs(Repository repo, String remote, Set<ObjectId> olds)
            throws IOException {
        Map<String, ObjectId> tracking = new LinkedHashMap<>();
        for (String name : remoteNames(repo, remote)) {
            String prefix = Constants.R_REMOTES + name + "/";
            for (Ref r : repo.getRefDatabase().getRefsByPrefix(prefix)) {
                if (r.getObjectId() != null && !olds.contains(r.getObjectId())) {
                    tracking.put(
                            Constants.R_HEADS + r.getName().substring(prefix.length()),
                            r.getObjectId());
                }
            }
        }
        return tracking;
    }

    /**
     * The old values of the pushed refs, plus what {@code advertised} (the remote's answer, null
     * when it could not be asked) says the remote has:
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
    static Set<ObjectId> knownOnRemote(
            Repository repo,
            Set<ObjectId> olds,
            Map<String, ObjectId> tracking,
            Map<String, ObjectId> advertised)
            throws IOException {
        Set<ObjectId> ids = new LinkedHashSet<>(olds);
        if (advertised == null) return ids;
        for (ObjectId a : advertised.values()) if (repo.getObjectDatabase().has(a)) ids.add(a);
        for (Map.Entry<String, ObjectId> t : tracking.entrySet()) {
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
