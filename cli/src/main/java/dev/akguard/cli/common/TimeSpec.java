package dev.akguard.cli.common;

import picocli.CommandLine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * A time given on the command line, the same way for every command ({@code scan-history --since}, {@code monitor
 * calls --from/--to}, {@code monitor anomalies --since}): an ISO instant with a zone or offset
 * ({@code 2026-03-02T10:00:00Z}, {@code 2026-03-02T18:00+08:00}), a date-time or a date without one (read as
 * UTC: the same on every machine, like the times the monitor stores and prints), or an age before now
 * ({@code 90s}, {@code 90m}, {@code 24h}, {@code 7d}).
 */
public record TimeSpec(Instant at, Duration age) {

    /** The longest age accepted: ages are for "recently"; older points in time read better as dates. */
    public static final Duration MAX_AGE = Duration.ofDays(36_500);

    /** The instant this denotes, ages counted back from {@code clock}'s now. */
    public Instant resolve(Clock clock) { return at != null ? at : clock.instant().minus(age); }

    /** The picocli converter: {@code @Option(..., converter = TimeSpec.Converter.class) TimeSpec since;}. */
    public static final class Converter implements CommandLine.ITypeConverter<TimeSpec> {
        @Override
        public TimeSpec convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** @throws IllegalArgumentException saying what forms are accepted */
    public static TimeSpec parse(String value) {
        String v = value.trim();
        try {
            if (v.matches("\\d{1,9}[smhdSMHD]")) {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                Duration d = switch (v.toLowerCase(Locale.ROOT).charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
                if (d.compareTo(MAX_AGE) > 0) throw new IllegalArgumentException("'" + value + "' is too long ago: give a date instead");
                return new TimeSpec(null, d);
            }
            if (v.length() == 10) return new TimeSpec(LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant(), null);
            if (v.endsWith("Z") || v.endsWith("z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) return new TimeSpec(OffsetDateTime.parse(v).toInstant(), null);
            return new TimeSpec(LocalDateTime.parse(v).toInstant(ZoneOffset.UTC), null);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + value + "' is not a time: use 2026-03-02T10:00:00Z, 2026-03-02T10:00 or "
                    + "2026-03-02 (UTC), or an age such as 90m, 24h or 7d");
        }
    }
}
