package dev.akguard.monitor.watch;

/**
 * Something published that was not (fully) scanned, recorded so "not scanned" is never mistaken for
 * "clean": a file beyond the size limit, a repository too big to clone, a clone that ran out of
 * time.
 *
 * @param commit null for a whole repository
 * @param path null for a whole repository
 * @param reason what happened and what to do, e.g. "not scanned beyond 33554432 bytes: file is
 *     larger"
 */
public record ScanGap(String repo, String commit, String path, String reason) {}
