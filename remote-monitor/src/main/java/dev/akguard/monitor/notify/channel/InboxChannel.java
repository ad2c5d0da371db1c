package dev.akguard.monitor.notify.channel;

import dev.akguard.monitor.notify.MessageRenderer;
import dev.akguard.monitor.notify.NotificationSettings;
import dev.akguard.monitor.notify.outbox.Inbox;
import dev.akguard.monitor.notify.outbox.InboxMessage;

/**
 * Stores the message in akguard's own inbox (`monitor inbox`); keyed by delivery, so a retry adds
 * nothing.
 */
public final class InboxChannel implements Channel {
    private final Inbox inbox;

    public InboxChannel(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public String id() {
        return NotificationSettings.INBOX;
    }

    @Override
    public void deliver(Delivery d) throws DeliveryException {
        try {
            inbox.add(
                    d.idempotencyKey(),
                    new InboxMessage(
                            d.message().createdAt(),
                            d.message().alertId(),
                            d.message().title(),
                            MessageRenderer.plainText(d.message())));
        } catch (RuntimeException e) {
            throw new DeliveryException(
                    "cannot store the message in the inbox: " + e.getMessage(), false, e);
        }
    }
}
