package dev.akguard.monitor.notify;

import dev.akguard.monitor.notify.channel.Channel;
import dev.akguard.monitor.notify.channel.Delivery;
import dev.akguard.monitor.notify.channel.DeliveryException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * `monitor notify test`: sends a test message through each channel right now, bypassing the outbox.
 */
public final class NotificationTester {
    private NotificationTester() {}

    /** Outcome per channel; {@code error} is null on success. */
    public record Result(String channel, boolean ok, String error) {}

    public static List<Result> test(Map<String, Channel> channels, Clock clock) {
        Message m = Messages.test(clock.instant());
        List<Result> out = new ArrayList<>();
        for (Channel ch : channels.values()) {
            try {
                ch.deliver(new Delivery("akguard-test-" + UUID.randomUUID(), m));
                out.add(new Result(ch.id(), true, null));
            } catch (DeliveryException e) {
                out.add(new Result(ch.id(), false, e.getMessage()));
            }
        }
        return out;
    }
}
