package dev.akguard.monitor.github;

import java.util.List;

/**
 * What a push changed: files with their patches, attributed to the head commit (compare payloads diff the whole
 * range; line numbers refer to the head version of each file).
 */
public record Change(String headSha, String authorLogin, String authorName, String htmlUrlBase, List<ChangedFile> files) {
}
