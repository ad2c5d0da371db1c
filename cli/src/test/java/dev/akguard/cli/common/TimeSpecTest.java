package dev.akguard.cli.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TimeSpecTest {
    private final Clock clock =
            Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @Test
    void datesAndTimesWithoutAZoneAreUtcWhateverTheMachineZone() {
        assertEquals(
                Instant.parse("2024-01-31T00:00:00Z"), TimeSpec.parse("2024-01-31").resolve(clock));
        assertEquals(
                Instant.parse("2024-01-31T12:00:00Z"),
                TimeSpec.parse("2024-01-31T12:00").resolve(clock));
        assertEquals(
                Instant.parse("2024-01-31T04:00:00Z"),
                TimeSpec.parse("2024-01-31T12:00+08:00").resolve(clock));
        assertEquals(
                Instant.parse("2024-01-31T12:00:00Z"),
                TimeSpec.parse(" 2024-01-31T12:00:00Z ").resolve(clock));
    }

    @Test
    void agesCountBackFromNow() {
        assertEquals(
                clock.instant().minus(Duration.ofDays(7)), TimeSpec.parse("7d").resolve(clock));
        assertEquals(
                clock.instant().minus(Duration.ofMinutes(90)),
                TimeSpec.parse("90m").resolve(clock));
        assertEquals(
                clock.instant().minus(Duration.ofHours(24)), TimeSpec.parse("24H").resolve(clock));
    }

    @Test
    void anythingElseIsRefusedWithTheAcceptedForms() {
        for (String bad :
                new String[] {
                    "yesterday", "last tuesday", "2024-13-01", "7w", "99999999999d", "", "12"
                }) {
            CommandLine.TypeConversionException e =
                    assertThrows(
                            CommandLine.TypeConversionException.class,
                            () -> new TimeSpec.Converter().convert(bad),
                            bad);
            assertTrue(
                    e.getMessage().contains("is not a time")
                            || e.getMessage().contains("too far back"),
                    e.getMessage());
        }
        assertTrue(
                assertThrows(IllegalArgumentException.class, () -> TimeSpec.parse("999999999d"))
                        .getMessage()
                        .contains("too far back: at most 3660d"));
    }

    @Test
    void sizesReadLikeTheConfigFile() {
        assertEquals(100L << 20, new SizeConverter().convert("100m"));
        assertEquals(12345L, new SizeConverter().convert("12345"));
        assertThrows(
                CommandLine.TypeConversionException.class, () -> new SizeConverter().convert("-1"));
        assertThrows(
                CommandLine.TypeConversionException.class,
                () -> new SizeConverter().convert("big"));
    }
}
