package dev.akguard.monitor.github;

import java.time.Instant;

/**
 * A PushEvent as the events API now sends it: only {@code repository_id, push_id, ref, head, before}, no commits.
 *
 * @param repo OWNER/NAME
 */
public record PushEvent(String id, String repo, String actor, String ref, String before, String head, Instant createdAt) {

    public static final String ZERO_SHA = "0000000000000000000000000000000000000000";

    /** A new branch (or tag): nothing to compare against. */
    public boolean createsRef() { return before == null || before.isEmpty() || before.equals(ZERO_SHA); }

    /** A branch deletion: nothing to scan. */
    public boolean deletesRef() { return head == null || head.isEmpty() || head.equals(ZERO_SHA); }

    /** Orders GitHub's numeric event ids (strings that may exceed a long in the future). */
    public static int compareIds(String a, String b) {
        if (a.length() != b.length()) return Integer.compare(a.length(), b.length());
        return a.compareTo(b);
    }
}
