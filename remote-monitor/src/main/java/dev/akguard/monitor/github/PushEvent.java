package dev.akguard.monitor.github;

import java.time.Instant;

/**
 * A PushEvent as the events API now sends it: only {@code repository_id, push_id, ref, head,
 * before}, no commits.
 *
 * @param repo OWNER/NAME
 */
public record PushEvent(
        String id,
        String repo,
        String actor,
        String ref,
        String before,
        String head,
        Instant createdAt) {

    public static final String ZERO_SHA = "0000000000000000000000000000000000000000";

    /**
     * The {@code ref} of a queued whole-history scan (a repository made public): no push, the whole
     * repository.
     */
    public static final String WHOLE_REPOSITORY = "(whole repository)";

    /** A PublicEvent: the repository's whole history was just published. */
    public static PushEvent wholeRepository(
            String id, String repo, String actor, Instant createdAt) {
        return new PushEvent(id, repo, actor, WHOLE_REPOSITORY, null, "", createdAt);
    }

    public boolean isWholeRepository() {
        return WHOLE_REPOSITORY.equals(ref);
    }

    /** A new branch (or tag): nothing to compare against. */
    public boolean createsRef() {
        return before == null || before.isEmpty() || before.equals(ZERO_SHA);
    }

    /** A branch deletion: nothing to scan. */
    public boolean deletesRef() {
        return !isWholeRepository() && (head == null || head.isEmpty() || head.equals(ZERO_SHA));
    }

    /** Orders GitHub's numeric event ids (strings that may exceed a long in the future). */
    public static int compareIds(String a, String b) {
        if (a.length() != b.length()) return Integer.compare(a.length(), b.length());
        return a.compareTo(b);
    }
}
