package dev.akguard.monitor.notify.outbox;

import java.util.List;

/** akguard's own message store, read by `monitor inbox`. */
public interface Inbox {
    /**
     * Stores the message unless a message with the same delivery key is already there.
     *
     * @return true when stored, false when it was a duplicate (a retried delivery)
     */
    boolean add(String deliveryKey, InboxMessage message);

    /** The newest {@code limit} messages, newest first. */
    List<InboxMessage> latest(int limit);
}
