package dev.akguard.monitor.alibaba;

/**
 * The security team's own Alibaba Cloud credentials are missing or unreadable; the message says how
 * to fix it.
 */
public final class AlibabaCredentialsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AlibabaCredentialsException(String message) {
        super(message);
    }
}
