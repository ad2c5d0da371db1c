package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.core.text.Untrusted;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Time arguments of the monitor's commands: an ISO instant ({@code 2026-03-02T10:00:00Z}), a UTC date-time without
 * zone, a date ({@code 2026-03-02}, midnight UTC), or an age before now ({@code 90m}, {@code 24h}, {@code 7d}).
 */
final class TimeArg {
    /** No AccessKey, call record or alert is older than this; larger ages are typos (and overflow far beyond). */
    static final Duration MAX_AGE = Duration.ofDays(3660);
    /** Nothing the monitor looks up happened before this. */
    static final Instant EARLIEST = Instant.parse("2009-01-01T00:00:00Z");

    private TimeArg() { }

    static Instant parse(String option, String value, Clock clock) {
        Instant t = parseUnbounded(option, value, clock);
        Instant latest = clock.instant().plus(Duration.ofDays(1));
        if (t.isBefore(EARLIEST) || t.isAfter(latest)) {
            throw new UserException(option + " '" + Untrusted.inline(value) + "' is out of range: use a time from " + EARLIEST
                    + " to now, or an age of at most " + MAX_AGE.toDays() + "d");
        }
        return t;
    }

    private static Instant parseUnbounded(String option, String value, Clock clock) {
        String v = value.trim();
        try {
            if (v.matches("\\d+[smhd]")) {
                String digits = v.substring(0, v.length() - 1);
                if (digits.length() > 12) {
                    throw new UserException(option + " '" + Untrusted.inline(value) + "' is too far back: at most " + MAX_AGE.toDays() + "d");
                }
                long n = Long.parseLong(digits);
                Duration d = switch (v.toLowerCase(Locale.ROOT).charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
                if (d.compareTo(MAX_AGE) > 0) {
                    throw new UserException(option + " '" + Untrusted.inline(value) + "' is too far back: at most " + MAX_AGE.toDays() + "d");
                }
                return clock.instant().minus(d);
            }
            if (v.length() == 10) return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) return java.time.OffsetDateTime.parse(v).toInstant();
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new UserException(option + " '" + Untrusted.inline(value) + "' is not a time: use 2026-03-02T10:00:00Z, 2026-03-02, or an age such as 24h or 7d");
        }
    }
}
