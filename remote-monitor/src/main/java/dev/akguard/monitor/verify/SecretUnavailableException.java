package dev.akguard.monitor.verify;

/**
 * The secret of an alert cannot be recovered: every recorded occurrence is gone from GitHub, or no
 * longer holds the pair. The message says what happened and that the alert must be handled by hand.
 */
public final class SecretUnavailableException extends RuntimeException {
    private final boolean permanent;

    public SecretUnavailableException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    /** False when GitHub merely failed to answer: trying again later may work. */
    public boolean permanent() {
        return permanent;
    }
}
