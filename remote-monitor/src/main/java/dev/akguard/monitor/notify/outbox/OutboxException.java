package dev.akguard.monitor.notify.outbox;

/** The database could not do what the outbox or inbox asked; the message names the operation. */
public final class OutboxException extends RuntimeException {
    public OutboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
