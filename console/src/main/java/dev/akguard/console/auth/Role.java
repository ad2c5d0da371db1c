package dev.akguard.console.auth;

import java.util.Locale;

/**
 * Console and API roles, each including the ones before it: viewer reads; responder handles; admin
 * acts through RAM and manages.
 */
public enum Role {
    /** Reads everything. */
    VIEWER,
    /** Also handles, unwhitelists, verifies and refreshes call records. */
    RESPONDER,
    /** Also applies RAM actions and manages channels, users and tokens. */
    ADMIN;

    public boolean includes(Role needed) {
        return ordinal() >= needed.ordinal();
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Role parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "unknown role '" + s + "': use viewer, responder or admin");
        }
    }
}
