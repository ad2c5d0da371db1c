package dev.akguard.monitor.act;

import java.time.Instant;

/**
 * An AccessKey of our own account, as the last `monitor inventory sync` saw it in RAM: whose it is,
 * its status and when it was last used. {@code lastUsed} null: never used, or RAM did not say.
 */
public record KeyOwner(
        String accessKeyId,
        String userName,
        String userId,
        String status,
        Instant createdAt,
        Instant lastUsed,
        Instant syncedAt) {}
