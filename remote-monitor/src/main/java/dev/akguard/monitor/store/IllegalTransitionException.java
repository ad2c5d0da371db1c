package dev.akguard.monitor.store;

/**
 * A handling request that the alert's current state does not allow; the message says what to do
 * instead.
 */
public final class IllegalTransitionException extends StoreException {
    public IllegalTransitionException(String message) {
        super(message);
    }
}
