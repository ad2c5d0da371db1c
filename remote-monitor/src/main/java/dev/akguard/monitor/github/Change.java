package dev.akguard.monitor.github;

import java.util.List;

/**
 * What a push changed: files with their patches, attributed to the head commit (compare payloads
 * diff the whole range; line numbers refer to the head version of each file).
 *
 * @param commits the commits in the range, oldest first (compare), or just the commit
 * @param incomplete GitHub cut the payload (300 files per compare, 250 commits): scan the commits
 *     one by one
 * @param parents for one commit: its parents (a merge has several); for a compare: the head
 *     commit's parents
 */
public record Change(
        String headSha,
        String authorLogin,
        String authorName,
        String htmlUrlBase,
        List<ChangedFile> files,
        List<String> commits,
        boolean incomplete,
        List<String> parents) {

    public Change {
        files = List.copyOf(files);
        commits = List.copyOf(commits);
        parents = List.copyOf(parents);
    }

    /**
     * Who to name: the GitHub login, else the commit's author name, else {@code fallback} (the
     * pusher).
     */
    public String author(String fallback) {
        return authorLogin != null ? authorLogin : authorName != null ? authorName : fallback;
    }
}
