package dev.akguard.monitor.watch;

import dev.akguard.monitor.github.Change;
import dev.akguard.monitor.github.CommitList;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubNotFoundException;
import dev.akguard.monitor.github.PushEvent;
import dev.akguard.monitor.github.RepoInfo;
import dev.akguard.monitor.store.QueuedPush;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Which commits a push published, each with its own diff (as the pre-push hook sees them), or that
 * the push must be read from a clone:
 *
 * <ul>
 *   <li>an update: {@code compare/before...head} lists the new commits (for a force push, those
 *       after the merge base);
 *   <li>a new branch: {@code compare/<default branch>...head}, i.e. the commits not already on the
 *       default branch;
 *   <li>a new repository (or a branch whose base cannot be compared): the history of {@code head};
 *   <li>more commits than GitHub lists (250): a clone, scanning the range.
 * </ul>
 *
 * A merge is also compared with each further parent, so only what is new to every parent counts.
 */
final class PushReader {

    private static final Logger LOG = Logger.getLogger(PushReader.class.getName());

    /**
     * GitHub's compare lists at most 250 commits; reading more one by one would not be cheaper than
     * a clone.
     */
    static final int MAX_LISTED = 250;

    /**
     * One published commit: its diff against its first parent, and against each further parent
     * (merges).
     */
    record PublishedCommit(Change diff, List<Change> otherParents) {}

    /** Either the commits, or a clone of {@code cloneRange} (null range: every branch). */
    record Published(List<PublishedCommit> commits, boolean fromClone, String cloneRange) {
        static Published ofClone(String range) {
            return new Published(List.of(), true, range);
        }
    }

    private final GitHubApi api;

    PushReader(GitHubApi api) {
        this.api = api;
    }

    Published read(QueuedPush push) throws InterruptedException {
        String repo = push.repo(), head = push.head();
        if (PushEvent.WHOLE_REPOSITORY.equals(push.ref())) return Published.ofClone(null);
        try {
            boolean newRef =
                    push.before() == null
                            || push.before().isEmpty()
                            || PushEvent.ZERO_SHA.equals(push.before());
            if (!newRef) {
                try {
                    Change compare = api.compare(repo, push.before(), head);
                    return fromCompare(repo, compare, push.before() + ".." + head);
                } catch (GitHubNotFoundException e) {
                    LOG.fine(
                            () ->
                                    repo
                                            + ": cannot compare "
                                            + push.before()
                                            + "..."
                                            + head
                                            + " ("
                                            + e.getMessage()
                                            + "); reading it as a new branch");
                }
            }
            String branch =
                    push.ref() != null && push.ref().startsWith("refs/heads/")
                            ? push.ref().substring("refs/heads/".length())
                            : null;
            RepoInfo info = api.repository(repo);
            if (info.defaultBranch() != null && !info.defaultBranch().equals(branch)) {
                try {
                    Change compare = api.compare(repo, info.defaultBranch(), head);
                    return fromCompare(
                            repo, compare, "refs/heads/" + info.defaultBranch() + ".." + head);
                } catch (GitHubNotFoundException e) {
                    LOG.fine(
                            () ->
                                    repo
                                            + ": cannot compare with "
                                            + info.defaultBranch()
                                            + "; reading the history of "
                                            + head);
                }
            }
            CommitList history = api.history(repo, head, MAX_LISTED);
            if (history.more()) return Published.ofClone(head);
            return new Published(diffs(repo, history.shas()), false, null);
        } catch (GitHubNotFoundException e) {
            LOG.info(
                    () -> repo + "@" + head + " is gone (" + e.getMessage() + "); nothing to scan");
            return new Published(List.of(), false, null);
        }
    }

    private Published fromCompare(String repo, Change compare, String range)
            throws InterruptedException {
        if (compare.commits().size() < totalCommits(compare)) return Published.ofClone(range);
        // One plain commit: the compare's files are exactly its diff; no second request.
        if (compare.commits().size() == 1
                && compare.parents().size() <= 1
                && !compare.incomplete()) {
            return new Published(List.of(new PublishedCommit(compare, List.of())), false, null);
        }
        return new Published(diffs(repo, compare.commits()), false, null);
    }

    /**
     * A compare marks itself incomplete when it lists fewer commits than it has (or too many
     * files).
     */
    private static int totalCommits(Change compare) {
        return compare.incomplete() && compare.commits().size() >= MAX_LISTED
                ? Integer.MAX_VALUE
                : compare.commits().size();
    }

    /**
     * The commits' diffs, fetched a few at a time (GitHub answers concurrent requests; latency
     * dominates).
     */
    private List<PublishedCommit> diffs(String repo, List<String> shas)
            throws InterruptedException {
        if (shas.size() <= 1) {
            List<PublishedCommit> out = new ArrayList<>();
            for (String sha : shas) out.add(diff(repo, sha));
            return out;
        }
        List<java.util.concurrent.Future<PublishedCommit>> futures = new ArrayList<>(shas.size());
        try {
            for (String sha : shas) futures.add(FETCHERS.submit(() -> diff(repo, sha)));
            List<PublishedCommit> out = new ArrayList<>(shas.size());
            for (var f : futures) out.add(f.get());
            return out;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            for (var f : futures) f.cancel(true);
        }
    }

    private PublishedCommit diff(String repo, String sha) throws InterruptedException {
        Change c = api.commit(repo, sha);
        List<Change> others = new ArrayList<>();
        for (int i = 1; i < c.parents().size(); i++)
            others.add(api.compare(repo, c.parents().get(i), sha));
        return new PublishedCommit(c, others);
    }

    /** Shared by every watcher in the process: at most 4 requests of one push in flight. */
    private static final java.util.concurrent.ExecutorService FETCHERS =
            java.util.concurrent.Executors.newFixedThreadPool(
                    4,
                    r -> {
                        Thread t = new Thread(r, "akguard-commit-fetch");
                        t.setDaemon(true);
                        return t;
                    });
}
