package dev.akguard.monitor.watch;

import java.time.Duration;
import java.util.List;

/**
 * How the watcher runs.
 *
 * @param minPollInterval   never poll a feed more often than this, even if GitHub's X-Poll-Interval allows it
 * @param searchInterval    time between two code-search sweeps
 * @param pushLease         how long a claimed push is ours before another instance may take it over
 * @param sourceLease       the same for a claimed source
 * @param batchSize         pushes claimed at once
 * @param maxPushAttempts   after this many failures a push is parked as FAILED
 * @param maxFileBytes      larger files fetched as a fallback are skipped (logged)
 * @param feedMaxPages      pages of 100 events read per poll (GitHub serves 300 at most)
 */
public record WatchSettings(List<Source> sources, Duration minPollInterval, Duration searchInterval, Duration pushLease,
                            Duration sourceLease, int batchSize, int maxPushAttempts, long maxFileBytes, int feedMaxPages) {

    public WatchSettings {
        sources = List.copyOf(sources);
    }

    public static WatchSettings defaults(List<Source> sources) {
        return new WatchSettings(sources, Duration.ofSeconds(60), Duration.ofMinutes(30), Duration.ofMinutes(5),
                Duration.ofMinutes(5), 20, 8, 5L << 20, 3);
    }

    public WatchSettings withMinPollInterval(Duration d) {
        return new WatchSettings(sources, d, searchInterval, pushLease, sourceLease, batchSize, maxPushAttempts, maxFileBytes, feedMaxPages);
    }

    public WatchSettings withSearchInterval(Duration d) {
        return new WatchSettings(sources, minPollInterval, d, pushLease, sourceLease, batchSize, maxPushAttempts, maxFileBytes, feedMaxPages);
    }

    public WatchSettings withLeases(Duration push, Duration source) {
        return new WatchSettings(sources, minPollInterval, searchInterval, push, source, batchSize, maxPushAttempts, maxFileBytes, feedMaxPages);
    }

    public WatchSettings withBatchSize(int n) {
        return new WatchSettings(sources, minPollInterval, searchInterval, pushLease, sourceLease, n, maxPushAttempts, maxFileBytes, feedMaxPages);
    }

    public WatchSettings withMaxFileBytes(long n) {
        return new WatchSettings(sources, minPollInterval, searchInterval, pushLease, sourceLease, batchSize, maxPushAttempts, n, feedMaxPages);
    }
}
