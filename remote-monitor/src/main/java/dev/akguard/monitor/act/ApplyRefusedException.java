package dev.akguard.monitor.act;

/**
 * {@code --apply} refused before anything was changed (the alert's last verdict does not justify
 * acting on the key).
 */
public final class ApplyRefusedException extends RuntimeException {
    public ApplyRefusedException(String message) {
        super(message);
    }
}
