package dev.akguard.monitor.github;

/**
 * 404/409/410/422: the object does not exist (any more), e.g. a commit removed by a force push. Not
 * retried.
 */
public final class GitHubNotFoundException extends GitHubException {
    public GitHubNotFoundException(String message, int status) {
        super(message, status);
    }
}
