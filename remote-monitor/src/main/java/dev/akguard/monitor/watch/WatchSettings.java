package dev.akguard.monitor.watch;

import java.time.Duration;
import java.util.List;

/**
 * How the watcher runs.
 *
 * @param minPollInterval never poll a feed more often than this, even if GitHub's X-Poll-Interval
 *     allows it
 * @param searchInterval time between two code-search sweeps
 * @param pushLease how long a claimed push is ours before another instance may take it over
 * @param sourceLease the same for a claimed source
 * @param batchSize pushes claimed at once
 * @param maxPushAttempts after this many failures (or crashes while holding it) a push is parked as
 *     FAILED
 * @param maxFileBytes files fetched whole are read this far; the rest is recorded as "not scanned:
 *     too large"
 * @param feedMaxPages pages of 100 events read per poll (GitHub serves 300 at most)
 * @param cloneLimits limits of whole-history scans (clones)
 * @param maxAlertsPerPush alerts one push may raise; further pairs are grouped into one alert that
 *     says how many
 */
public record WatchSettings(
        List<Source> sources,
        Duration minPollInterval,
        Duration searchInterval,
        Duration pushLease,
        Duration sourceLease,
        int batchSize,
        int maxPushAttempts,
        long maxFileBytes,
        int feedMaxPages,
        CloneLimits cloneLimits,
        int maxAlertsPerPush) {

    public WatchSettings {
        sources = List.copyOf(sources);
    }

    public static WatchSettings defaults(List<Source> sources) {
        return new WatchSettings(
                sources,
                Duration.ofSeconds(60),
                Duration.ofMinutes(30),
                Duration.ofMinutes(5),
                Duration.ofMinutes(5),
                20,
                8,
                32L << 20,
                3,
                CloneLimits.defaults(),
                100);
    }

    public WatchSettings withSources(List<Source> s) {
        return new WatchSettings(
                s,
                minPollInterval,
                searchInterval,
                pushLease,
                sourceLease,
                batchSize,
                maxPushAttempts,
                maxFileBytes,
                feedMaxPages,
                cloneLimits,
                maxAlertsPerPush);
    }

    public WatchSettings withMinPollInterval(Duration d) {
        return new WatchSettings(
                sources,
                d,
                searchInterval,
                pushLease,
                sourceLease,
                batchSize,
                maxPushAttempts,
                maxFileBytes,
                feedMaxPages,
                cloneLimits,
                maxAlertsPerPush);
    }

    public WatchSettings withSearchInterval(Duration d) {
        return new WatchSettings(
                sources,
                minPollInterval,
                d,
                pushLease,
                sourceLease,
                batchSize,
                maxPushAttempts,
                maxFileBytes,
                feedMaxPages,
                cloneLimits,
                maxAlertsPerPush);
    }

    public WatchSettings withLeases(Duration push, Duration source) {
        return new WatchSettings(
                sources,
                minPollInterval,
                searchInterval,
                push,
                source,
                batchSize,
                maxPushAttempts,
                maxFileBytes,
                feedMaxPages,
                cloneLimits,
                maxAlertsPerPush);
    }

    public WatchSettings withBatchSize(int n) {
        return new WatchSettings(
                sources,
                minPollInterval,
                searchInterval,
                pushLease,
                sourceLease,
                n,
                maxPushAttempts,
                maxFileBytes,
                feedMaxPages,
                cloneLimits,
                maxAlertsPerPush);
    }

    public WatchSettings withMaxFileBytes(long n) {
        return new WatchSettings(
                sources,
                minPollInterval,
                searchInterval,
                pushLease,
                sourceLease,
                batchSize,
                maxPushAttempts,
                n,
                feedMaxPages,
                cloneLimits,
                maxAlertsPerPush);
    }

    public WatchSettings withClone(CloneLimits c) {
        return new WatchSettings(
                sources,
                minPollInterval,
                searchInterval,
                pushLease,
                sourceLease,
                batchSize,
                maxPushAttempts,
                maxFileBytes,
                feedMaxPages,
                c,
                maxAlertsPerPush);
    }

    public WatchSettings withMaxAlertsPerPush(int n) {
        return new WatchSettings(
                sources,
                minPollInterval,
                searchInterval,
                pushLease,
                sourceLease,
                batchSize,
                maxPushAttempts,
                maxFileBytes,
                feedMaxPages,
                cloneLimits,
                n);
    }

    public WatchSettings withMaxPushAttempts(int n) {
        return new WatchSettings(
                sources,
                minPollInterval,
                searchInterval,
                pushLease,
                sourceLease,
                batchSize,
                n,
                maxFileBytes,
                feedMaxPages,
                cloneLimits,
                maxAlertsPerPush);
    }
}
