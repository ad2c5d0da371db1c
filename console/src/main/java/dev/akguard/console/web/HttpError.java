package dev.akguard.console.web;

/**
 * A request that ends with this status and message (rendered as JSON for the API, as a page for the
 * console).
 */
public final class HttpError extends RuntimeException {
    private final int status;

    public HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
