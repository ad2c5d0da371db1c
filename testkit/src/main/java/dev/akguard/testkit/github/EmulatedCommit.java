package dev.akguard.testkit.github;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One commit in an emulated repository: a full snapshot of the tree (path to bytes) and its
 * parents. Snapshots keep the emulator simple; test repositories are small.
 */
public record EmulatedCommit(
        String sha,
        List<String> parents,
        Map<String, byte[]> tree,
        String authorLogin,
        String authorName,
        String authorEmail,
        String message,
        Instant date) {

    public EmulatedCommit {
        parents = List.copyOf(parents);
        tree = Map.copyOf(tree);
    }
}
