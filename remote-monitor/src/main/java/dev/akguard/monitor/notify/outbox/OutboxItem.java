package dev.akguard.monitor.notify.outbox;

import java.time.Instant;

/**
 * A stored outbox row.
 *
 * @param attempts how many times the item was claimed; also the fencing token of the current claim
 * @param nextAttemptAt when it is due again (for a claimed item, when its lease runs out)
 */
public record OutboxItem(
        long id,
        String channel,
        long alertId,
        String kind,
        String payload,
        OutboxStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant deliveredAt,
        String lastError) {

    /**
     * The key every delivery of this item carries (webhook header, email Message-ID, inbox
     * delivery_key). It is fixed at creation, so all retries share it, and includes the creation
     * time so two databases (or a reset one) do not produce the same key for different
     * notifications.
     */
    public String idempotencyKey() {
        return "akguard-" + id + "-" + createdAt.toEpochMilli();
    }
}
