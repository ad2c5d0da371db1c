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

    /**
     * A CreateEvent (or a {@code create} webhook): a branch, a tag or a repository appeared. A
     * branch or tag may bring commits no PushEvent announces (a tag pushed on its own, a branch
     * made through the API, a repository created from a template or imported): the ref name stands
     * for its head, which GitHub resolves in a compare or a commit list, and what the default
     * branch does not already have is scanned. A repository is scanned whole.
     *
     * @param ref the branch or tag name as the event gives it (no {@code refs/...} prefix)
     * @param refType {@code branch}, {@code tag} or {@code repository}
     * @return the work, or null when there is nothing to scan (an unknown type, no name)
     */
    public static PushEvent created(
            String id, String repo, String actor, String ref, String refType, Instant createdAt) {
        if ("repository".equals(refType)) return wholeRepository(id, repo, actor, createdAt);
        if (ref == null || ref.isBlank() || ref.startsWith("-")) return null;
        String prefix =
                switch (refType == null ? "" : refType) {
                    case "branch" -> "refs/heads/";
                    case "tag" -> "refs/tags/";
                    default -> null;
                };
        return prefix == null
                ? null
                : new PushEvent(id, repo, actor, prefix + ref, ZERO_SHA, ref, createdAt);
    }

    /** Made by {@link #created}: the head is the branch or tag name, not a commit. */
    public boolean namesItsHead() {
        return ZERO_SHA.equals(before)
                && head != null
                && !head.isEmpty()
                && ref != null
                && ref.endsWith("/" + head);
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
