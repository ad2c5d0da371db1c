package dev.akguard.core.detect;

import java.util.Arrays;

/**
 * Pairs AccessKey IDs with secrets. Both lists are in document order; a pair is allowed when {@link
 * Allowed#test} says so (within the window, and the secret is labelled or sits right after that
 * ID).
 *
 * <p>The result is order-preserving — if ID a comes before ID b, a's secret comes before b's — so
 * two pairs never cross, and among such pairings it has the most pairs, then the least total
 * distance: the nearest secret wins unless taking it would strand another ID. That is the
 * longest-common-subsequence recurrence, run only inside a band: ID i can pair only with secrets
 * {@code lo[i]..hi[i]} (those within the pairing window, a range that moves forward with i), and
 * every cell right of the band holds the band's last value. So the cost is the number of (ID,
 * nearby secret) couples — linear in the file for a fixed window — with one byte of trace-back per
 * couple and two rows of scores. A band past {@link #CELL_LIMIT} couples (a file of hundreds of
 * thousands of keys) is solved in consecutive blocks of IDs, each starting after the last secret
 * the block before it took, so pairs still never cross.
 */
final class Pairing {
    static final long CELL_LIMIT = 32L << 20;
    private static final long PAIR_WEIGHT = 1L << 40;
    private static final byte UP = 0, LEFT = 1, DIAG = 2;

    @FunctionalInterface
    interface Allowed {
        boolean test(int id, int secret);
    }

    @FunctionalInterface
    interface Distance {
        long of(int id, int secret);
    }

    private Pairing() {}

    /** Every secret a candidate for every ID: the band is the whole table (small inputs, tests). */
    static int[] pair(int ids, int secrets, Allowed allowed, Distance distance) {
        int[] lo = new int[ids], hi = new int[ids];
        Arrays.fill(hi, secrets - 1);
        return pair(ids, secrets, lo, hi, allowed, distance);
    }

    /**
     * Returns, for each ID, the index of its secret or -1. {@code lo[i]..hi[i]} (inclusive; empty
     * when {@code hi[i] < lo[i]}) must contain every secret {@code allowed} accepts for ID i; both
     * should be non-decreasing in i (they are widened to be so).
     */
    static int[] pair(
            int ids, int secrets, int[] lo, int[] hi, Allowed allowed, Distance distance) {
        return pair(ids, secrets, lo, hi, allowed, distance, CELL_LIMIT);
    }

    static int[] pair(
            int ids,
            int secrets,
            int[] lo,
            int[] hi,
            Allowed allowed,
            Distance distance,
            long cellLimit) {
        int[] result = new int[ids];
        Arrays.fill(result, -1);
        if (ids == 0 || secrets == 0) return result;
        // Columns are 1-based secret counts: column c is "the first c secrets"; row i's stored
        // columns are
        // [s[i], e[i]], of which (s[i], e[i]] can pair (secret c-1). Monotone: s by suffix minimum,
        // e by prefix maximum.
        int[] s = new int[ids + 1], e = new int[ids + 1];
        for (int i = ids; i >= 1; i--)
            s[i] = Math.min(Math.max(0, lo[i - 1]), i < ids ? s[i + 1] : secrets);
        for (int i = 1; i <= ids; i++)
            e[i] = Math.max(Math.max(s[i], Math.min(secrets, hi[i - 1] + 1)), e[i - 1]);
        int block = 1, lastUsed = -1;
        while (block <= ids) {
            long cells = 0;
            int end = block;
            while (end <= ids
                    && (cells += e[end] - Math.max(s[end], lastUsed + 1) + 1L) <= cellLimit) end++;
            if (end == block) end++; // one row always fits
            lastUsed = solve(block, end - 1, s, e, lastUsed + 1, allowed, distance, result);
            block = end;
        }
        return result;
    }

    /**
     * Rows first..last, secrets from index {@code minSecret} on; returns the last secret paired (or
     * minSecret - 1).
     */
    private static int solve(
            int first,
            int last,
            int[] s0,
            int[] e0,
            int minSecret,
            Allowed allowed,
            Distance distance,
            int[] result) {
        int rows = last - first + 1;
        int[] s = new int[rows], e = new int[rows];
        long[] rowAt = new long[rows + 1];
        int width = 0;
        for (int r = 0; r < rows; r++) {
            s[r] = Math.max(s0[first + r], minSecret);
            e[r] = Math.max(e0[first + r], s[r]);
            rowAt[r + 1] = rowAt[r] + (e[r] - s[r] + 1);
            width = Math.max(width, e[r] - s[r] + 1);
        }
        byte[] trace = new byte[(int) rowAt[rows]];
        long[] prev = new long[width], cur = new long[width];
        int ps = 0, pe = -1; // previous row's stored columns; none before the first row (all zero)
        for (int r = 0; r < rows; r++) {
            int i = first + r - 1; // 0-based ID
            int base = (int) rowAt[r];
            for (int c = s[r]; c <= e[r]; c++) {
                long up = pe < 0 ? 0 : prev[Math.min(c, pe) - ps];
                long v = up;
                long left = Long.MIN_VALUE;
                if (c > s[r]) {
                    left = cur[c - 1 - s[r]];
                    v = Math.max(v, left);
                }
                if (c > s[r] && allowed.test(i, c - 1)) {
                    long diag =
                            (pe < 0 ? 0 : prev[Math.min(c - 1, pe) - ps])
                                    + PAIR_WEIGHT
                                    - distance.of(i, c - 1);
                    v = Math.max(v, diag);
                }
                cur[c - s[r]] = v;
                trace[base + c - s[r]] = v == up ? UP : v == left ? LEFT : DIAG;
            }
            long[] t = prev;
            prev = cur;
            cur = t;
            ps = s[r];
            pe = e[r];
        }
        int lastPaired = minSecret - 1;
        int r = rows - 1, c = e[rows - 1];
        while (r >= 0 && c > 0) {
            if (c > e[r]) {
                c = e[r];
                continue;
            }
            if (c <= s[r]) {
                r--;
                continue;
            } // nothing in this row can pair at or left of its band's start
            byte d = trace[(int) rowAt[r] + c - s[r]];
            if (d == UP) r--;
            else if (d == LEFT) c--;
            else {
                result[first + r - 1] = c - 1;
                lastPaired = Math.max(lastPaired, c - 1);
                r--;
                c--;
            }
        }
        return lastPaired;
    }
}
