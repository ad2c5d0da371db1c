package dev.akguard.monitor.store;

import java.time.Instant;

/** One place a leaked pair was seen: a line of a file in a commit of a repository. */
public record Occurrence(
        String repo,
        String path,
        int line,
        String commit,
        String author,
        String url,
        Instant seenAt) {}
