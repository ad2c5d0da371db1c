package dev.akguard.testkit.alibaba;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection: the next N requests (of one action, or of any) are throttled, fail with a server
 * error, or are delayed. Faults apply in the order they were added, before authentication, like a
 * front end would.
 */
public final class Faults {
    /** What to do to a request hit by a fault. */
    enum Kind {
        ERROR,
        DELAY
    }

    static final class Fault {
        final String action;
        final Kind kind;
        final int status;
        final String code;
        final String message;
        final Duration delay;
        final AtomicInteger remaining;

        Fault(
                String action,
                Kind kind,
                int status,
                String code,
                String message,
                Duration delay,
                int count) {
            this.action = action;
            this.kind = kind;
            this.status = status;
            this.code = code;
            this.message = message;
            this.delay = delay;
            this.remaining = new AtomicInteger(count);
        }

        boolean matches(String requestAction) {
            return action == null || action.equals(requestAction);
        }

        /** Takes one use of this fault; false when used up. */
        boolean take() {
            return remaining.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0;
        }
    }

    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    /** The next n requests of any action get 400 `Throttling.User`. */
    public Faults throttleNext(int n) {
        return throttleNext(n, null);
    }

    /** The next n requests of this action (null: any) get 400 `Throttling.User`. */
    public Faults throttleNext(int n, String action) {
        return add(
                new Fault(
                        action,
                        Kind.ERROR,
                        400,
                        "Throttling.User",
                        "Request was denied due to user flow control.",
                        Duration.ZERO,
                        n));
    }

    /**
     * The next n requests of this action (null: any) get HTTP 429 `Throttling`, as some front ends
     * answer.
     */
    public Faults throttleNextWith429(int n, String action) {
        return add(
                new Fault(
                        action,
                        Kind.ERROR,
                        429,
                        "Throttling",
                        "Request was denied due to request throttling.",
                        Duration.ZERO,
                        n));
    }

    /** Every request of this action (null: any) is throttled until {@link #clear()}. */
    public Faults throttleAlways(String action) {
        return throttleNext(Integer.MAX_VALUE, action);
    }

    /**
     * The next n requests of any action fail with this 5xx status (`InternalError` or
     * `ServiceUnavailable`).
     */
    public Faults failNext(int n, int status) {
        return failNext(n, status, null);
    }

    public Faults failNext(int n, int status, String action) {
        boolean unavailable = status == 503;
        return add(
                new Fault(
                        action,
                        Kind.ERROR,
                        status,
                        unavailable ? "ServiceUnavailable" : "InternalError",
                        unavailable
                                ? "The request has failed due to a temporary failure of the server."
                                : "The request processing has failed due to some unknown error, exception or failure.",
                        Duration.ZERO,
                        n));
    }

    /** The next n requests of any action are answered only after this delay (then normally). */
    public Faults delayNext(int n, Duration delay) {
        return delayNext(n, delay, null);
    }

    public Faults delayNext(int n, Duration delay, String action) {
        return add(new Fault(action, Kind.DELAY, 200, null, null, delay, n));
    }

    /** Removes every fault, including the `Always` ones. */
    public void clear() {
        faults.clear();
    }

    private Faults add(Fault f) {
        faults.add(f);
        return this;
    }

    /** Consumes and returns the first pending fault matching the action. */
    Optional<Fault> next(String action) {
        for (Fault f : faults) {
            if (f.matches(action) && f.take()) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
