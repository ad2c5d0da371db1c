package dev.akguard.cli.common;

/** A problem the user can fix; its message is printed as is, and the command exits with 2. */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
