package dev.akguard.monitor.store;

import java.time.Instant;

/**
 * A leaked pair found at one place, as the watcher hands it to the store. Carries the secret only
 * redacted and as its SHA-256.
 *
 * @param source the poll source that led to it ("events", "org:acme", "search:...")
 */
public record Sighting(
        String accessKeyId,
        String secretRedacted,
        String secretSha256,
        String repo,
        String path,
        int line,
        String commit,
        String author,
        String url,
        Instant seenAt,
        String source) {

    public Occurrence occurrence() {
        return new Occurrence(repo, path, line, commit, author, url, seenAt);
    }
}
