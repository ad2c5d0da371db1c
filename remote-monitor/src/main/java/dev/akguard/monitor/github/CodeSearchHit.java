package dev.akguard.monitor.github;

/** One code-search result: a file on a repository's default branch. */
public record CodeSearchHit(
        String repo, String path, String contentsUrl, String htmlUrl, String ref) {}
