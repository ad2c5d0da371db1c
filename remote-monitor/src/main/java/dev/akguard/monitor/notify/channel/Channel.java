package dev.akguard.monitor.notify.channel;

/** A way to reach people: inbox, email, a webhook. Implementations hold no per-delivery state. */
public interface Channel {
    /** {@code inbox}, {@code email} or {@code webhook:<name>}: the outbox's channel column. */
    String id();

    /** Sends or stores the message; returns normally only when the receiver accepted it. */
    void deliver(Delivery delivery) throws DeliveryException;
}
