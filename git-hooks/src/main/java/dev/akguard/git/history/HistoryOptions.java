package dev.akguard.git.history;

import java.time.Instant;

/**
 * Which history to scan.
 *
 * @param range null for every ref (like {@code --all}); {@code A..B} for commits in B not in A;
 *     {@code REV} for the history of one revision
 * @param since only commits committed at or after this instant (null: no limit)
 */
public record HistoryOptions(String range, Instant since) {
    public static final HistoryOptions ALL = new HistoryOptions(null, null);
}
