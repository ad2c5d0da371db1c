package dev.akguard.monitor.watch;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Bounds of one whole-history scan.
 *
 * @param maxBytes size limit of the repository (GitHub's estimate before cloning, the clone's size
 *     while cloning)
 * @param timeout clone time limit
 * @param workDir where temporary clones go (each is deleted after its scan)
 * @param threads scanning threads
 */
public record CloneLimits(long maxBytes, Duration timeout, Path workDir, int threads) {

    public static CloneLimits defaults() {
        return new CloneLimits(
                1L << 30,
                Duration.ofMinutes(10),
                Path.of(System.getProperty("java.io.tmpdir"), "akguard-clones"),
                2);
    }
}
