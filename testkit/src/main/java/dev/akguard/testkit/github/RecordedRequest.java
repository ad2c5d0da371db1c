package dev.akguard.testkit.github;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request the emulator received, for tests that assert client behaviour (conditional requests,
 * waits).
 *
 * @param path the path without the GitHub Enterprise prefix {@code /api/v3}
 * @param headers request headers with lower-case names
 * @param at when it arrived, on the emulator's clock
 * @param status the status the emulator answered with
 */
public record RecordedRequest(
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        Instant at,
        long nanoTime,
        int status) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
