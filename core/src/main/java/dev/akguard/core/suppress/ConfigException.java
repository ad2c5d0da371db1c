package dev.akguard.core.suppress;

/**
 * A configuration or baseline file that cannot be used; the message says which file and what to
 * fix.
 */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
