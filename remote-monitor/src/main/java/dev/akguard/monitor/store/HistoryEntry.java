package dev.akguard.monitor.store;

import java.time.Instant;

/** One recorded change of an alert: who did what, when, and why. */
public record HistoryEntry(Instant at, String by, String action, String note) {

    /** Actions written by this module; other modules may add their own. */
    public static final String CREATED = "created";

    public static final String HANDLED_DELETED = "handled-deleted";
    public static final String HANDLED_DISABLED = "handled-disabled";
    public static final String WHITELISTED = "whitelisted";
    public static final String UNWHITELISTED = "unwhitelisted";
    public static final String REOPENED = "reopened";
}
