package dev.akguard.monitor.notify.outbox;

/** The database could not do what the outbox or inbox asked; the message names the operation. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) { super(message, cause); }
}
