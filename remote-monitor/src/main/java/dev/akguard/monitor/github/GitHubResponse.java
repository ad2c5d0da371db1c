package dev.akguard.monitor.github;

import com.google.gson.JsonElement;

/**
 * A successful (2xx or 304) answer. {@code body} is null for 304 Not Modified.
 *
 * @param pollIntervalSeconds X-Poll-Interval, or 0 when absent
 * @param nextUrl the Link header's rel="next" target, or null
 */
public record GitHubResponse(
        int status,
        JsonElement body,
        byte[] rawBody,
        String etag,
        int pollIntervalSeconds,
        String nextUrl) {

    public boolean notModified() {
        return status == 304;
    }
}
