package dev.akguard.monitor.model;

import java.util.Locale;

/**
 * Alert states, as in Security Center's AccessKey leak detection page. JSON uses the lower-case
 * name.
 */
public enum AlertStatus {
    UNHANDLED,
    HANDLED,
    WHITELISTED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AlertStatus parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
}
