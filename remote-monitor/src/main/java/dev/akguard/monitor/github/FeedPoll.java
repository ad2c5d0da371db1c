package dev.akguard.monitor.github;

import java.util.List;

/**
 * The outcome of polling one event feed.
 *
 * @param pushes PushEvents newer than the last one seen, oldest first
 * @param etag ETag of page 1, to send as If-None-Match next time
 * @param newestEventId newest event id on the feed (any type), or the previous value when nothing
 *     new
 * @param pollIntervalSeconds X-Poll-Interval, 0 when absent
 * @param gap the feed ran out before reaching the last event seen: events in between were missed
 */
public record FeedPoll(
        boolean notModified,
        List<PushEvent> pushes,
        String etag,
        String newestEventId,
        int pollIntervalSeconds,
        boolean gap) {}
