package dev.akguard.monitor.github;

/**
 * A GitHub request that failed for good (after the retries the policy allows). The message says
 * what to do.
 */
public class GitHubException extends RuntimeException {

    private final int status;

    public GitHubException(String message, int status) {
        super(message);
        this.status = status;
    }

    public GitHubException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
    }

    /** HTTP status, or -1 when no response arrived. */
    public int status() {
        return status;
    }
}
