package dev.akguard.core.detect;

import java.util.Arrays;

/**
 * Pairs AccessKey IDs with secrets. Both lists are in document order; a pair is allowed when
 * {@link Allowed#test} says so (within the window, and the secret is labelled or sits right after that ID).
 *
 * <p>The result is order-preserving — if ID a comes before ID b, a's secret comes before b's — so two pairs
 * never cross, and among such pairings it has the most pairs, then the least total distance: the nearest
 * secret wins unless taking it would strand another ID. That is the longest-common-subsequence recurrence,
 * O(ids × secrets), run per file on the handful of candidates near each other; past {@link #DP_LIMIT} cells
 * (a file of thousands of keys) it falls back to greedy nearest-first with the same no-crossing rule.
 */
final class Pairing {
    static final long DP_LIMIT = 4_000_000L;

    @FunctionalInterface
    interface Allowed { boolean test(int id, int secret); }

    @FunctionalInterface
    interface Distance { long of(int id, int secret); }

    private Pairing() {}

    /** Returns, for each ID, the index of its secret or -1. */
    static int[] pair(int ids, int secrets, Allowed allowed, Distance distance) {
        int[] result = new int[ids];
        Arrays.fill(result, -1);
        if (ids == 0 || secrets == 0) return result;
        if ((long) ids * secrets > DP_LIMIT) return greedy(ids, secrets, allowed, distance, result);
        final long pairWeight = 1L << 40;
        long[][] best = new long[ids + 1][secrets + 1];
        for (int i = 1; i <= ids; i++) {
            for (int j = 1; j <= secrets; j++) {
                long v = Math.max(best[i - 1][j], best[i][j - 1]);
                if (allowed.test(i - 1, j - 1)) {
                    v = Math.max(v, best[i - 1][j - 1] + pairWeight - distance.of(i - 1, j - 1));
                }
                best[i][j] = v;
            }
        }
        int i = ids, j = secrets;
        while (i > 0 && j > 0) {
            if (best[i][j] == best[i - 1][j]) i--;
            else if (best[i][j] == best[i][j - 1]) j--;
            else { result[i - 1] = j - 1; i--; j--; }
        }
        return result;
    }

    private static int[] greedy(int ids, int secrets, Allowed allowed, Distance distance, int[] result) {
        // Candidate pairs sorted by distance; accept one when neither side is taken and it crosses no accepted pair.
        long count = 0;
        for (int i = 0; i < ids; i++) for (int j = 0; j < secrets; j++) if (allowed.test(i, j)) count++;
        long[][] cand = new long[(int) Math.min(count, Integer.MAX_VALUE - 8)][];
        int k = 0;
        for (int i = 0; i < ids && k < cand.length; i++) {
            for (int j = 0; j < secrets && k < cand.length; j++) {
                if (allowed.test(i, j)) cand[k++] = new long[] {distance.of(i, j), i, j};
            }
        }
        Arrays.sort(cand, 0, k, (x, y) -> Long.compare(x[0], y[0]));
        int[] secretOwner = new int[secrets];
        Arrays.fill(secretOwner, -1);
        for (int c = 0; c < k; c++) {
            int i = (int) cand[c][1], j = (int) cand[c][2];
            if (result[i] != -1 || secretOwner[j] != -1 || crosses(result, i, j)) continue;
            result[i] = j;
            secretOwner[j] = i;
        }
        return result;
    }

    private static boolean crosses(int[] result, int i, int j) {
        for (int other = 0; other < result.length; other++) {
            int s = result[other];
            if (s < 0) continue;
            if ((other < i && s > j) || (other > i && s < j)) return true;
        }
        return false;
    }
}
