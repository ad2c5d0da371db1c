package dev.akguard.monitor.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void withoutJitterDoublesUpToTheCap() {
        Backoff b = Backoff.exponential(10, Duration.ofSeconds(30), Duration.ofMinutes(2));
        assertEquals(Duration.ofSeconds(30), b.delay(1));
        assertEquals(Duration.ofSeconds(60), b.delay(2));
        assertEquals(Duration.ofSeconds(120), b.delay(3));
        assertEquals(Duration.ofSeconds(120), b.delay(9));
        assertEquals(
                Duration.ofSeconds(120),
                b.delay(Integer.MAX_VALUE),
                "huge retry numbers stay at the cap");
    }

    @Test
    void equalJitterStaysBetweenHalfAndTheFullDelay() {
        Backoff b = Backoff.jittered(10, Duration.ofMillis(100), Duration.ofMillis(1000));
        Random random = new Random(7);
        for (int retry = 1; retry <= 8; retry++) {
            long full = Math.min(1000, 100L << (retry - 1));
            for (int i = 0; i < 200; i++) {
                long d = b.delay(retry, random).toMillis();
                assertTrue(d >= full / 2 && d <= full, retry + ": " + d);
            }
        }
        assertEquals(
                Duration.ZERO, Backoff.jittered(3, Duration.ZERO, Duration.ZERO).delay(2, random));
    }

    @Test
    void nextAttemptIsEmptyOnceTheAttemptsAreUsed() {
        Backoff b = Backoff.exponential(3, Duration.ofSeconds(10), Duration.ofMinutes(1));
        Instant now = Instant.parse("2026-12-05T00:00:00Z");
        assertEquals(Optional.of(now.plusSeconds(10)), b.nextAttempt(1, now));
        assertEquals(Optional.of(now.plusSeconds(20)), b.nextAttempt(2, now));
        assertEquals(Optional.empty(), b.nextAttempt(3, now));
        assertTrue(
                Backoff.unbounded(Duration.ofSeconds(1), Duration.ofSeconds(2), Backoff.Jitter.NONE)
                        .nextAttempt(1_000_000, now)
                        .isPresent());
    }

    @Test
    void refusesNonsense() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Backoff.exponential(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> Backoff.exponential(1, Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(
                IllegalArgumentException.class,
                () -> Backoff.jittered(1, Duration.ofSeconds(-1), Duration.ofSeconds(1)));
    }
}
