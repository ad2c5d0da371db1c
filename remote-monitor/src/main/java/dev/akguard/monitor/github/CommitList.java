package dev.akguard.monitor.github;

import java.util.List;

/** Commit ids oldest first; {@code more} when the history goes on beyond what was read. */
public record CommitList(List<String> shas, boolean more) {
    public CommitList {
        shas = List.copyOf(shas);
    }
}
