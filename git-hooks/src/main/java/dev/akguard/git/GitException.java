package dev.akguard.git;

/**
 * A git problem the user can act on: not a repository, a missing object, a bad revision. The
 * message says what happened and what to do; commands print it without a stack trace and exit 2.
 */
public class GitException extends RuntimeException {
    public GitException(String message) {
        super(message);
    }

    public GitException(String message, Throwable cause) {
        super(message, cause);
    }
}
