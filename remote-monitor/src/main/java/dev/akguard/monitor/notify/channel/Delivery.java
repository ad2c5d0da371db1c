package dev.akguard.monitor.notify.channel;

import dev.akguard.monitor.notify.Message;

/**
 * One attempt to hand a message to a channel. The idempotency key is the same on every retry of the
 * same outbox item, so receivers (and our inbox) can drop the duplicate that an at-least-once retry
 * may cause.
 */
public record Delivery(String idempotencyKey, Message message) {}
