package dev.akguard.monitor.calls;

import java.time.Duration;
import java.util.List;

/**
 * How leaked keys' calls are fetched (the {@code "calls"} section of the monitor config file).
 *
 * @param regions ActionTrail regions to read (every region the account uses)
 * @param refreshInterval a key's calls are fetched at most this often while its alert is open
 * @param lookback the first fetch starts this long before the leak was first seen (rate baseline)
 */
public record CallsSettings(List<String> regions, Duration refreshInterval, Duration lookback) {
    public static final List<String> DEFAULT_REGIONS = List.of("cn-hangzhou");

    public CallsSettings {
        regions = List.copyOf(regions);
        if (regions.isEmpty())
            throw new IllegalArgumentException(
                    "calls.regions needs at least one region, e.g. cn-hangzhou");
        if (refreshInterval.isNegative())
            throw new IllegalArgumentException("calls.refreshMinutes must not be negative");
        if (lookback.isNegative())
            throw new IllegalArgumentException("calls.lookbackHours must not be negative");
    }

    public static CallsSettings defaults() {
        return new CallsSettings(DEFAULT_REGIONS, Duration.ofMinutes(15), Duration.ofDays(7));
    }
}
