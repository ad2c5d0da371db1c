package dev.akguard.console.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.model.Validity;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertFilterTest {
    private static AlertFilter parse(Map<String, String> m) {
        return AlertFilter.parse(m::get);
    }

    @Test
    void parsesEveryParameterAndRoundTripsThroughParams() {
        AlertFilter f =
                parse(
                        Map.of(
                                "status",
                                "unhandled",
                                "validity",
                                "valid",
                                "repo",
                                "acme",
                                "from",
                                "2026-03-01",
                                "to",
                                "2026-03-02",
                                "q",
                                "env",
                                "sort",
                                "first_seen",
                                "order",
                                "asc",
                                "page",
                                "3",
                                "per_page",
                                "20"));
        assertEquals(AlertStatus.UNHANDLED, f.status());
        assertEquals(Validity.VALID, f.validity());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), f.from());
        assertEquals(Instant.parse("2026-03-03T00:00:00Z"), f.to(), "'to' includes its whole day");
        assertEquals(AlertFilter.Sort.FIRST_SEEN, f.sort());
        assertTrue(f.ascending());
        assertEquals(f, parse(f.params()));
        assertEquals(
                AlertFilter.defaults(),
                parse(Map.of("status", "all", "validity", "all", "q", "  ")));
    }

    @Test
    void badValuesNameTheParameter() {
        for (Map<String, String> bad :
                new Map[] {
                    Map.of("status", "open"),
                    Map.of("validity", "maybe"),
                    Map.of("sort", "name; DROP TABLE alerts"),
                    Map.of("order", "up"),
                    Map.of("page", "0"),
                    Map.of("per_page", "101"),
                    Map.of("from", "last week"),
                    Map.of("q", "x".repeat(201))
                }) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> parse(bad));
            String name = bad.keySet().iterator().next();
            assertTrue(e.getMessage().startsWith(name), e.getMessage());
        }
    }

    @Test
    void likeWildcardsInUserInputAreEscaped() {
        assertEquals("100\\%\\_a\\\\b", AlertQuery.like("100%_a\\b"));
    }
}
