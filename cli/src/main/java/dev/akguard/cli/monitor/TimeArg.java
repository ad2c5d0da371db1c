package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;

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
    private TimeArg() { }

    static Instant parse(String option, String value, Clock clock) {
        String v = value.trim();
        try {
            if (v.matches("\\d+[smhd]")) {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                Duration d = switch (v.toLowerCase(Locale.ROOT).charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
                return clock.instant().minus(d);
            }
            if (v.length() == 10) return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) return java.time.OffsetDateTime.parse(v).toInstant();
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new UserException(option + " '" + value + "' is not a time: use 2026-03-02T10:00:00Z, 2026-03-02, or an age such as 24h or 7d");
        }
    }
}
