package dev.akguard.monitor.anomaly;

/**
 * The anomaly rules; {@link #id()} is the stable {@code type} written to JSON, the store and
 * notifications.
 */
public enum AnomalyType {
    THREAT_IP("threat-ip", "Call from a threat-list IP"),
    SHARED_IP("shared-ip", "One IP using the keys of several users or accounts"),
    SENSITIVE_API("sensitive-api", "Sensitive API called"),
    LEAKED_KEY_USED("leaked-key-used", "Leaked key used after the leak"),
    RATE_SPIKE("rate-spike", "Call rate far above the key's history"),
    ROOT_KEY("root-key", "Root-account AccessKey used");

    private final String id;
    private final String title;

    AnomalyType(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    /** A short human title, used as the notification headline. */
    public String title() {
        return title;
    }

    public static AnomalyType fromId(String id) {
        for (AnomalyType t : values()) {
            if (t.id.equalsIgnoreCase(id)) return t;
        }
        throw new IllegalArgumentException("unknown anomaly type '" + id + "'");
    }
}
