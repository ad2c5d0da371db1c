package dev.akguard.monitor.notify.outbox;

import java.util.Locale;

/**
 * Life of an outbox item: PENDING → SENDING (claimed, leased) → DELIVERED, or back to PENDING, or
 * DEAD. Stored as the constant's name, like every enum in the store.
 */
public enum OutboxStatus {
    PENDING,
    SENDING,
    DELIVERED,
    DEAD;

    public String db() {
        return name();
    }

    public static OutboxStatus fromDb(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
