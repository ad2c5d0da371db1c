package dev.akguard.monitor.alibaba;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Lenient parsing of the ISO 8601 times Alibaba Cloud APIs send. */
final class Times {
    private Times() {}

    /**
     * `2026-01-02T03:04:05Z`, with offset or fraction; null for null, blank or unreadable values.
     */
    static Instant parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s.strip()).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
