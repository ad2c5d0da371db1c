package dev.akguard.monitor.notify.outbox;

import java.util.Locale;

/** Life of an outbox item: pending → sending (claimed, leased) → delivered, or back to pending, or dead. */
public enum OutboxStatus {
    PENDING, SENDING, DELIVERED, DEAD;

    public String db() { return name().toLowerCase(Locale.ROOT); }

    public static OutboxStatus fromDb(String s) { return valueOf(s.toUpperCase(Locale.ROOT)); }
}
