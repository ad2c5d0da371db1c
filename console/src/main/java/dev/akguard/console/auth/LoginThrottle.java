package dev.akguard.console.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Limits failed sign-ins: at most {@code perUser} failures per user name and {@code perAddress} per
 * client address within the window; over that, attempts are refused without checking the password.
 * Bounded memory: the least recently failing keys are forgotten first.
 */
public final class LoginThrottle {
    private static final int MAX_KEYS = 10_000;

    private final int perUser;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> failures =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Deque<Long>> eldest) {
                    return size() > MAX_KEYS;
                }
            };

    public LoginThrottle(int perUser, int perAddress, Duration window, Clock clock) {
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    public static LoginThrottle standard(Clock clock) {
        return new LoginThrottle(5, 20, Duration.ofMinutes(5), clock);
    }

    /** True when this attempt may go ahead. */
    public synchronized boolean allowed(String user, String address) {
        return recent("u:" + user) < perUser && recent("a:" + address) < perAddress;
    }

    public synchronized void failed(String user, String address) {
        long now = clock.millis();
        failures.computeIfAbsent("u:" + user, k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent("a:" + address, k -> new ArrayDeque<>()).addLast(now);
    }

    public synchronized void succeeded(String user) {
        failures.remove("u:" + user);
    }

    private int recent(String key) {
        Deque<Long> d = failures.get(key);
        if (d == null) return 0;
        long cutoff = clock.millis() - window.toMillis();
        while (!d.isEmpty() && d.peekFirst() < cutoff) d.removeFirst();
        return d.size();
    }
}
