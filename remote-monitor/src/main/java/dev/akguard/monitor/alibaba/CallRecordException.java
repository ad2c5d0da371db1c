package dev.akguard.monitor.alibaba;

/** ActionTrail could not be queried; the message says what, why (the error code) and what to do. */
public final class CallRecordException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String errorCode;

    public CallRecordException(String message, String errorCode) {
        super(message);
        this.errorCode = errorCode;
    }

    /** The Alibaba Cloud error code, or null when the failure happened on our side. */
    public String errorCode() {
        return errorCode;
    }
}
