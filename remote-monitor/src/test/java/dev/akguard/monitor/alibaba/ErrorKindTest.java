package dev.akguard.monitor.alibaba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorKindTest {
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
}
