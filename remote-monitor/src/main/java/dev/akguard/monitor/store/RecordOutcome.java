package dev.akguard.monitor.store;

/** What recording a sighting did. */
public record RecordOutcome(long alertId, Kind kind) {

    public enum Kind {
        /** A pair never seen before: a new alert (announce it). */
        CREATED,
        /** A handled pair seen in a new place: back to unhandled (announce it). */
        REOPENED,
        /** A known, unhandled pair in a new place. */
        NEW_OCCURRENCE,
        /** A whitelisted pair in a new place: recorded, not announced. */
        WHITELISTED_SEEN,
        /**
         * Exactly this place was recorded already (a retry or another instance got there first).
         */
        ALREADY_RECORDED
    }

    /** Whether listeners should be told (new alert or reopened). */
    public boolean announce() {
        return kind == Kind.CREATED || kind == Kind.REOPENED;
    }
}
