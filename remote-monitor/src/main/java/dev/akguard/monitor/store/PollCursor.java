package dev.akguard.monitor.store;

/**
 * Where polling of one source stands.
 *
 * @param source a source key ("events", "org:acme", "user:bob", "repo:o/r", "search:QUERY")
 * @param etag ETag of the last answer, sent as If-None-Match
 * @param lastEventId newest event id already queued (feeds), or null
 * @param pollIntervalSeconds the interval GitHub asked for (X-Poll-Interval) or the configured one
 * @param nextPollAt epoch millis of the next poll
 */
public record PollCursor(
        String source,
        String etag,
        String lastEventId,
        int pollIntervalSeconds,
        long nextPollAt,
        int failures) {}
