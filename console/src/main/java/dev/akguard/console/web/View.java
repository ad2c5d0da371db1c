package dev.akguard.console.web;

import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.model.HandlingMethod;
import dev.akguard.monitor.model.Validity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Formatting helpers the templates call (their output is escaped by the template engine like any
 * other value).
 */
public final class View {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private View() {}

    public static String time(Instant t) {
        return t == null ? "—" : TIME.format(t);
    }

    public static String or(Object o) {
        return o == null || o.toString().isEmpty() ? "—" : o.toString();
    }

    public static String status(AlertStatus s, HandlingMethod m) {
        return switch (s) {
            case UNHANDLED -> "Unhandled";
            case HANDLED -> "Handled" + (m == null ? "" : " (" + m.label() + ")");
            case WHITELISTED -> "Added to Whitelist";
        };
    }

    /** CSS class of a validity badge. */
    public static String badge(Validity v) {
        return switch (v) {
            case VALID -> "badge bad";
            case INVALID, DISABLED -> "badge ok";
            default -> "badge unknown";
        };
    }

    public static <T> java.util.List<T> newestFirst(java.util.List<T> oldestFirst) {
        java.util.List<T> l = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(l);
        return l;
    }

    public static String shortSha(String sha) {
        return sha == null ? "—" : sha.substring(0, Math.min(12, sha.length()));
    }
}
