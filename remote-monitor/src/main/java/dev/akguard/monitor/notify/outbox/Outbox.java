package dev.akguard.monitor.notify.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Durable queue of notifications to deliver. Delivery is at-least-once: an item is claimed with a
 * lease, and a claim that is never settled (the process died) becomes due again when its lease runs
 * out.
 */
public interface Outbox {
    /**
     * Queues entries in one transaction; duplicates of queued entries are ignored. Returns how many
     * were new.
     */
    int enqueue(List<OutboxEntry> entries, Instant now);

    /**
     * Claims up to {@code limit} due items (PENDING, or SENDING with an expired lease): each
     * becomes {@code SENDING} until {@code now + lease}, its attempts counter incremented. Two
     * dispatchers never claim the same item at once.
     */
    List<OutboxItem> claimDue(Instant now, int limit, Duration lease);

    /** Marks the item delivered (idempotent: a second call changes nothing). */
    void markDelivered(OutboxItem item, Instant now);

    /**
     * Records a failed attempt: due again at {@code retryAt}, or DEAD when {@code retryAt} is null.
     * Ignored when the item was delivered or re-claimed in the meantime (the claim's attempts no
     * longer match).
     */
    void markFailed(OutboxItem item, String error, Instant retryAt);

    /** Items by status (null: all), oldest first. */
    List<OutboxItem> list(OutboxStatus status, int limit);

    /**
     * Moves DEAD items back to PENDING, due now: after fixing a channel's settings. Returns how
     * many.
     */
    int reviveDead(Instant now);
}
