package dev.akguard.testkit.alibaba;

/**
 * An error answer of the emulated API: HTTP status plus the `Code`/`Message` of the JSON error
 * body.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiException missing(String parameter) {
        return new ApiException(
                400,
                "MissingParameter",
                "The input parameter \""
                        + parameter
                        + "\" that is mandatory for processing this request is not supplied.");
    }

    static ApiException invalid(String parameter, String why) {
        return new ApiException(
                400,
                "InvalidParameter",
                "The specified parameter \"" + parameter + "\" is not valid: " + why);
    }
}
