package dev.akguard.monitor.github;

import java.util.List;

/**
 * What a push changed: files with their patches, attributed to the head commit (compare payloads diff the whole
 * range; line numbers refer to the head version of each file).
 *
 * @param commits    the commits in the range, oldest first (compare), or just the commit
 * @param incomplete GitHub cut the payload (300 files per compare, 250 commits): scan the commits one by one
 */
public record Change(String headSha, String authorLogin, String authorName, String htmlUrlBase, List<ChangedFile> files,
                     List<String> commits, boolean incomplete) {

    public Change {
        files = List.copyOf(files);
        commits = List.copyOf(commits);
    }
}
