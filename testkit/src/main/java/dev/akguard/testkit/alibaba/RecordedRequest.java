package dev.akguard.testkit.alibaba;

import java.time.Instant;
import java.util.Map;

/**
 * One request the emulator received, for tests to assert what a client did. `params` holds query
 * and form parameters without `Signature`; `nanoTime` is System.nanoTime() on arrival, for spacing
 * assertions. `signatureVersion` is "V1", "V3" or null when the request carried no recognisable
 * signature.
 */
public record RecordedRequest(
        Instant at,
        long nanoTime,
        String method,
        String action,
        String version,
        String accessKeyId,
        String signatureVersion,
        Map<String, String> params,
        int status,
        String errorCode) {
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    public String param(String name) {
        return params.get(name);
    }
}
