package dev.akguard.monitor.github;

/**
 * What {@code GET /repos/{owner}/{repo}} says about a repository.
 *
 * @param cloneUrl where git clones it from (never built from github.com: GitHub Enterprise and test
 *     servers differ)
 * @param sizeKb GitHub's size estimate in KB, -1 when absent
 */
public record RepoInfo(
        String fullName, String defaultBranch, String cloneUrl, boolean isPrivate, long sizeKb) {}
