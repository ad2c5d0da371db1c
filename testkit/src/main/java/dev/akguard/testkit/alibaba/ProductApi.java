package dev.akguard.testkit.alibaba;

import java.util.Map;

/**
 * One emulated product (STS, RAM, ActionTrail): answers an authenticated call with the response
 * body fields.
 */
interface ProductApi {
    /** Product name used in error recommendations, e.g. "Sts". */
    String product();

    /** The production host name, reported as `HostId` in error bodies. */
    String host();

    /** The response fields without `RequestId`; throws {@link ApiException} for error answers. */
    Map<String, Object> call(String action, Map<String, String> params, EmulatedKey caller);

    static ApiException unknownAction(String action) {
        return new ApiException(
                404,
                "InvalidAction.NotFound",
                "Specified api is not found, please check your url and method. Action: " + action);
    }
}
