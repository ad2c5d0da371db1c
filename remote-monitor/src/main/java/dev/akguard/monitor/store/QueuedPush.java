package dev.akguard.monitor.store;

import java.time.Instant;

/** A PushEvent waiting to be (or being) processed, claimed by one watcher at a time. */
public record QueuedPush(
        String eventId,
        String source,
        String repo,
        String ref,
        String before,
        String head,
        String actor,
        Instant createdAt,
        int attempts) {}
