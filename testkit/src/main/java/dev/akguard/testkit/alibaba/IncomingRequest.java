package dev.akguard.testkit.alibaba;

import java.util.LinkedHashMap;
import java.util.Map;

/** A received HTTP request, decoded: query and form parameters, lower-cased headers, raw body. */
record IncomingRequest(
        String method,
        String rawPath,
        Map<String, String> query,
        Map<String, String> form,
        Map<String, String> headers,
        byte[] body) {

    static final String AUTHORIZATION_V3 = AcsSignatureV3.ALGORITHM + " ";

    /** Query and form parameters together, as V1 signs them (form wins on a clash). */
    Map<String, String> params() {
        Map<String, String> all = new LinkedHashMap<>(query);
        all.putAll(form);
        return all;
    }

    boolean isV3() {
        String auth = headers.get("authorization");
        return auth != null && auth.startsWith(AUTHORIZATION_V3);
    }

    /** Action from the `x-acs-action` header (V3) or the `Action` parameter (V1). */
    String action() {
        String header = headers.get("x-acs-action");
        return isV3() && header != null ? header : params().get("Action");
    }

    String version() {
        String header = headers.get("x-acs-version");
        return isV3() && header != null ? header : params().get("Version");
    }
}
