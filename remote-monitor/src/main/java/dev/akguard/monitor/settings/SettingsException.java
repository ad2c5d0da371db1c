package dev.akguard.monitor.settings;

/** Settings that cannot be used as written; the message says what is wrong and how to fix it. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
