package dev.akguard.monitor.alibaba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ErrorKindAndBackoffTest {
    @Test
    void codesMapToKinds() {
        assertEquals(ErrorKind.PERMISSION_DENIED, ErrorKind.of("NoPermission"));
        assertEquals(ErrorKind.PERMISSION_DENIED, ErrorKind.of("Forbidden.AccessDenied"));
        assertEquals(ErrorKind.KEY_NOT_FOUND, ErrorKind.of("InvalidAccessKeyId.NotFound"));
        assertEquals(ErrorKind.KEY_DISABLED, ErrorKind.of("InvalidAccessKeyId.Inactive"));
        assertEquals(ErrorKind.BAD_SECRET, ErrorKind.of("IncompleteSignature"));
        assertEquals(ErrorKind.BAD_SECRET, ErrorKind.of("SDK.InvalidAccessKeySecret"));
        assertEquals(ErrorKind.THROTTLED, ErrorKind.of("Throttling.User"));
        assertEquals(ErrorKind.THROTTLED, ErrorKind.of("Throttling"));
        assertEquals(ErrorKind.NETWORK, ErrorKind.of("SDK.ServerUnreachable"));
        assertEquals(ErrorKind.ENTITY_NOT_EXIST, ErrorKind.of("EntityNotExist.User"));
        assertEquals(ErrorKind.OTHER, ErrorKind.of("SomethingNew"));
        assertTrue(ErrorKind.THROTTLED.retryable());
        assertFalse(ErrorKind.BAD_SECRET.retryable());
    }

    @Test
    void backoffGrowsDoublingWithinJitterAndIsCapped() {
        Backoff b = new Backoff(10, Duration.ofMillis(100), Duration.ofMillis(1000));
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            long first = b.delayBefore(1, random).toMillis();
            long third = b.delayBefore(3, random).toMillis();
            long tenth = b.delayBefore(10, random).toMillis();
            assertTrue(first >= 50 && first <= 100, "first " + first);
            assertTrue(third >= 200 && third <= 400, "third " + third);
            assertTrue(tenth >= 500 && tenth <= 1000, "tenth " + tenth);
        }
        assertEquals(Duration.ZERO, new Backoff(3, Duration.ZERO, Duration.ZERO).delayBefore(2, random));
    }
}
