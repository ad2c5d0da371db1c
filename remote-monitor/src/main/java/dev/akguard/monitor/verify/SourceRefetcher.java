package dev.akguard.monitor.verify;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubException;
import dev.akguard.monitor.github.GitHubNotFoundException;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.Occurrence;
import java.util.ArrayList;
import java.util.List;

/**
 * Recovers a leaked pair's secret without having stored it: fetches the file at the recorded commit
 * and path (GitHub contents API), re-scans it with the engine and picks the finding whose AccessKey
 * ID and secret SHA-256 match the alert. The secret lives only in the returned {@link Recovered}
 * for the caller's check.
 */
public final class SourceRefetcher {

    /**
     * A recovered secret (plaintext, in memory only: never store or print {@link #secret()}) and
     * where it came from.
     */
    public record Recovered(String secret, String securityToken, Occurrence from) {
        @Override
        public String toString() {
            return "Recovered[" + from.repo() + "/" + from.path() + "@" + from.commit() + "]";
        }
    }

    private final GitHubApi api;
    private final Engine engine;

    public SourceRefetcher(GitHubApi api, Engine engine) {
        this.api = api;
        this.engine = engine;
    }

    /**
     * Tries each occurrence, newest first.
     *
     * @throws SecretUnavailableException when no occurrence yields the pair (permanent when every
     *     file is gone)
     */
    public Recovered recover(Alert alert) throws InterruptedException {
        if (alert.occurrences().isEmpty()) {
            throw new SecretUnavailableException(
                    "alert "
                            + alert.id()
                            + " has no recorded occurrence to re-fetch the secret from; "
                            + "handle the alert manually",
                    true);
        }
        List<Occurrence> newestFirst = new ArrayList<>(alert.occurrences());
        java.util.Collections.reverse(newestFirst);
        List<String> problems = new ArrayList<>();
        boolean transientFailure = false;
        for (Occurrence o : newestFirst) {
            String where = o.repo() + "/" + o.path() + " at commit " + shortSha(o.commit());
            byte[] content;
            try {
                content = api.content(o.repo(), o.path(), o.commit());
            } catch (GitHubNotFoundException e) {
                problems.add(where + ": the file was deleted from GitHub");
                continue;
            } catch (GitHubException e) {
                problems.add(where + ": GitHub did not answer (" + e.getMessage() + ")");
                transientFailure = true;
                continue;
            }
            for (Finding f : engine.ignoringInlineMarkers().scan(content, o.path())) {
                if (f.secret() != null
                        && alert.accessKeyId().equals(f.accessKeyId())
                        && alert.secretSha256().equals(f.secretSha256())) {
                    return new Recovered(
                            f.secret().value(),
                            f.hasSecurityToken() ? f.securityToken().value() : null,
                            o);
                }
            }
            problems.add(where + ": the file no longer holds the pair");
        }
        String why = String.join("; ", problems);
        if (transientFailure) {
            throw new SecretUnavailableException(
                    "cannot re-fetch the secret of alert "
                            + alert.id()
                            + " ("
                            + why
                            + "); try again later",
                    false);
        }
        throw new SecretUnavailableException(
                why
                        + "; the secret can no longer be re-checked; handle the alert manually "
                        + "(akguard monitor handle "
                        + alert.id()
                        + " --method disabled|deleted, or with --apply to act through RAM)",
                true);
    }

    private static String shortSha(String sha) {
        return sha == null || sha.length() < 8 ? String.valueOf(sha) : sha.substring(0, 8);
    }
}
