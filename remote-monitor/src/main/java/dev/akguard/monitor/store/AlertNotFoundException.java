package dev.akguard.monitor.store;

/** No alert with that id. */
public final class AlertNotFoundException extends StoreException {
    public AlertNotFoundException(long id) {
        super("No alert with id " + id + ". List alerts with: akguard monitor alerts");
    }
}
