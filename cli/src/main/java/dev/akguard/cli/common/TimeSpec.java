package dev.akguard.cli.common;

import dev.akguard.core.text.Untrusted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine;

/**
 * A time given on the command line, the same way for every command ({@code scan-history --since},
 * {@code monitor calls --from/--to}, {@code monitor anomalies --since}): an ISO instant with a zone
 * or offset ({@code 2026-03-02T10:00:00Z}, {@code 2026-03-02T18:00+08:00}), a date-time or a date
 * without one (read as UTC: the same on every machine, like the times the monitor stores and
 * prints), or an age before now ({@code 90s}, {@code 90m}, {@code 24h}, {@code 7d}).
 */
public record TimeSpec(Instant at, Duration age, String text) {

    /**
     * No AccessKey, call record or alert is older than this; larger ages are typos (and overflow
     * far beyond).
     */
    public static final Duration MAX_AGE = Duration.ofDays(3660);

    /** Nothing the monitor looks up happened before this. */
    public static final Instant EARLIEST_MONITORED = Instant.parse("2009-01-01T00:00:00Z");

    /** The instant this denotes, ages counted back from {@code clock}'s now. */
    public Instant resolve(Clock clock) {
        return at != null ? at : clock.instant().minus(age);
    }

    /**
     * Like {@link #resolve} for the monitor's look-ups, which only make sense from {@link
     * #EARLIEST_MONITORED} to now (a day of clock skew allowed).
     */
    public Instant resolveMonitored(String option, Clock clock) {
        Instant t = resolve(clock);
        if (t.isBefore(EARLIEST_MONITORED) || t.isAfter(clock.instant().plus(Duration.ofDays(1)))) {
            throw new UserException(
                    option
                            + " '"
                            + Untrusted.inline(text)
                            + "' is out of range: use a time from "
                            + EARLIEST_MONITORED
                            + " to now, or an age of at most "
                            + MAX_AGE.toDays()
                            + "d");
        }
        return t;
    }

    /**
     * The picocli converter: {@code @Option(..., converter = TimeSpec.Converter.class) TimeSpec
     * since;}.
     */
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

    /**
     * @throws IllegalArgumentException saying what forms are accepted
     */
    public static TimeSpec parse(String value) {
        String v = value.trim();
        try {
            if (v.matches("\\d+[smhdSMHD]")) {
                String digits = v.substring(0, v.length() - 1);
                if (digits.length() > 12) throw tooFarBack(value);
                long n = Long.parseLong(digits);
                Duration d =
                        switch (v.toLowerCase(Locale.ROOT).charAt(v.length() - 1)) {
                            case 's' -> Duration.ofSeconds(n);
                            case 'm' -> Duration.ofMinutes(n);
                            case 'h' -> Duration.ofHours(n);
                            default -> Duration.ofDays(n);
                        };
                if (d.compareTo(MAX_AGE) > 0) throw tooFarBack(value);
                return new TimeSpec(null, d, value);
            }
            if (v.length() == 10)
                return new TimeSpec(
                        LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant(), null, value);
            if (v.endsWith("Z") || v.endsWith("z") || v.matches(".*[+-]\\d\\d:\\d\\d$"))
                return new TimeSpec(OffsetDateTime.parse(v).toInstant(), null, value);
            return new TimeSpec(LocalDateTime.parse(v).toInstant(ZoneOffset.UTC), null, value);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "'"
                            + Untrusted.inline(value)
                            + "' is not a time: use 2026-03-02T10:00:00Z, 2026-03-02T10:00 or "
                            + "2026-03-02 (UTC), or an age such as 90m, 24h or 7d");
        }
    }

    private static IllegalArgumentException tooFarBack(String value) {
        return new IllegalArgumentException(
                "'"
                        + Untrusted.inline(value)
                        + "' is too far back: at most "
                        + MAX_AGE.toDays()
                        + "d");
    }
}
