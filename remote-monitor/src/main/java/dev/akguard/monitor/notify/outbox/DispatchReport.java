package dev.akguard.monitor.notify.outbox;

/**
 * What one drain did: items delivered, items that failed and will be retried, items given up on.
 */
public record DispatchReport(int delivered, int retrying, int dead) {
    public static final DispatchReport EMPTY = new DispatchReport(0, 0, 0);

    public DispatchReport plus(DispatchReport o) {
        return new DispatchReport(delivered + o.delivered, retrying + o.retrying, dead + o.dead);
    }

    public int total() {
        return delivered + retrying + dead;
    }
}
