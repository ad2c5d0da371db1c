package dev.akguard.monitor.alibaba;

/** A RAM operation failed; the message says what, why (the RAM error code) and what to do. */
public final class RamAdminException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String errorCode;

    public RamAdminException(String message, String errorCode) {
        super(message);
        this.errorCode = errorCode;
    }

    /** The Alibaba Cloud error code, or null when the failure happened on our side. */
    public String errorCode() {
        return errorCode;
    }
}
