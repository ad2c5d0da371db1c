package dev.akguard.monitor.notify.channel;

/**
 * A delivery that did not happen. {@code permanent} failures (rejected credentials, a 4xx from the
 * receiver) will not succeed by retrying the same request; the rest (network, 5xx, throttling) are
 * retried with backoff.
 */
public final class DeliveryException extends Exception {
    private final boolean permanent;

    public DeliveryException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
