package dev.akguard.monitor.notify.outbox;

/**
 * A notification to queue for one channel. (channel, alertId, kind) is unique in the outbox:
 * queueing the same notification again (a re-run, a re-verification) adds nothing.
 *
 * @param payload the {@link dev.akguard.monitor.notify.Message} as JSON ({@link
 *     dev.akguard.monitor.notify.MessageCodec})
 */
public record OutboxEntry(String channel, long alertId, String kind, String payload) {}
