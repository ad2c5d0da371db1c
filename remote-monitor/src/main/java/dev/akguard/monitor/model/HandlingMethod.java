package dev.akguard.monitor.model;

import java.util.Locale;

/**
 * How a leak was handled: the console's "Manually Deleted", "Manually Disabled AccessKey Pair",
 * "Add to Whitelist".
 */
public enum HandlingMethod {
    DELETED("Manually Deleted"),
    DISABLED("Manually Disabled AccessKey Pair"),
    WHITELIST("Added to Whitelist");

    private final String label;

    HandlingMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HandlingMethod parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
