package dev.akguard.monitor.notify.outbox;

import dev.akguard.monitor.notify.Message;
import dev.akguard.monitor.notify.MessageCodec;
import dev.akguard.monitor.notify.channel.Channel;
import dev.akguard.monitor.notify.channel.Delivery;
import dev.akguard.monitor.notify.channel.DeliveryException;
import dev.akguard.monitor.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Drains the outbox: claims due items, hands each to its channel, settles it. Failures go back with
 * exponential backoff until the retry policy gives up (status DEAD). A crash anywhere leaves the
 * claim to expire after {@code lease}, and the item is delivered again, with the same idempotency
 * key. Errors of the outbox itself (the database) propagate: the caller retries the whole drain
 * later.
 */
public final class Dispatcher {
    private final Outbox outbox;
    private final Map<String, Channel> channels;
    private final Backoff retry;
    private final Clock clock;
    private final Duration lease;
    private final int batchSize;

    /**
     * @param lease longer than {@code batchSize} times the slowest delivery (channel timeouts are
     *     20 s by default): items of a batch wait for the ones before them, and an item whose lease
     *     runs out meanwhile may be claimed and sent a second time by another dispatcher
     * @param batchSize items claimed per query
     */
    public Dispatcher(
            Outbox outbox,
            Map<String, Channel> channels,
            Backoff retry,
            Clock clock,
            Duration lease,
            int batchSize) {
        this.outbox = outbox;
        this.channels = Map.copyOf(channels);
        this.retry = retry;
        this.clock = clock;
        this.lease = lease;
        this.batchSize = batchSize;
    }

    public Dispatcher(Outbox outbox, Map<String, Channel> channels, Backoff retry, Clock clock) {
        this(outbox, channels, retry, clock, Duration.ofMinutes(5), 5);
    }

    /** One batch of due items. */
    public DispatchReport drainOnce() {
        List<OutboxItem> items = outbox.claimDue(clock.instant(), batchSize, lease);
        DispatchReport report = DispatchReport.EMPTY;
        for (OutboxItem item : items) report = report.plus(dispatch(item));
        return report;
    }

    /** Batches until nothing is due (items failing now are due later, so this ends). */
    public DispatchReport drain() {
        DispatchReport total = DispatchReport.EMPTY;
        while (true) {
            DispatchReport r = drainOnce();
            total = total.plus(r);
            if (r.total() < batchSize) return total;
        }
    }

    private DispatchReport dispatch(OutboxItem item) {
        Channel channel = channels.get(item.channel());
        if (channel == null) {
            return fail(
                    item,
                    "channel "
                            + item.channel()
                            + " is not configured (disabled or removed since the notification was queued)",
                    false);
        }
        Message message;
        try {
            message = MessageCodec.decode(item.payload());
        } catch (IllegalArgumentException e) {
            return fail(item, e.getMessage(), true);
        }
        try {
            channel.deliver(new Delivery(item.idempotencyKey(), message));
        } catch (DeliveryException e) {
            return fail(item, e.getMessage(), e.permanent());
        } catch (RuntimeException e) {
            return fail(item, channel.id() + ": unexpected " + e, false);
        }
        outbox.markDelivered(item, clock.instant());
        return new DispatchReport(1, 0, 0);
    }

    private DispatchReport fail(OutboxItem item, String error, boolean permanent) {
        Instant now = clock.instant();
        Optional<Instant> next =
                permanent ? Optional.empty() : retry.nextAttempt(item.attempts(), now);
        outbox.markFailed(item, error, next.orElse(null));
        return next.isPresent() ? new DispatchReport(0, 1, 0) : new DispatchReport(0, 0, 1);
    }
}
