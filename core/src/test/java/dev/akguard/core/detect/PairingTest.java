package dev.akguard.core.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PairingTest {
    /** Positions on a line; every pair within 100 is allowed. */
    private static int[] pair(int[] ids, int[] secrets) {
        return Pairing.pair(
                ids.length,
                secrets.length,
                (i, j) -> Math.abs(ids[i] - secrets[j]) <= 100,
                (i, j) -> Math.abs(ids[i] - secrets[j]) + (secrets[j] < ids[i] ? 1 : 0));
    }

    @Test
    void interleavedPairsPairInOrder() {
        // id s id s -> (0,0) (1,1), not the nearer-but-crossing s0-id1.
        assertArrayEquals(new int[] {0, 1}, pair(new int[] {0, 20}, new int[] {10, 30}));
    }

    @Test
    void idsFirstThenSecretsPairInOrderAndNeverCross() {
        // id id s s: nearest-first alone would take id1-s0 and strand id0; order-preserving gets
        // both right.
        assertArrayEquals(new int[] {0, 1}, pair(new int[] {0, 10}, new int[] {20, 30}));
    }

    @Test
    void nearestSecretWinsWhenNothingElseIsAtStake() {
        assertArrayEquals(new int[] {1}, pair(new int[] {50}, new int[] {0, 60, 90}));
    }

    @Test
    void tieGoesToTheSecretAfterTheId() {
        assertArrayEquals(new int[] {1}, pair(new int[] {50}, new int[] {40, 60}));
    }

    @Test
    void outOfWindowStaysUnpaired() {
        assertArrayEquals(new int[] {-1, 0}, pair(new int[] {0, 500}, new int[] {550}));
    }

    @Test
    void aSecretIsUsedOnce() {
        int[] result = pair(new int[] {0, 5}, new int[] {3});
        int paired = 0;
        for (int s : result) if (s == 0) paired++;
        org.junit.jupiter.api.Assertions.assertEquals(1, paired);
    }

    @Test
    void blocksKeepTheNoCrossingRule() {
        int n = 2100;
        int[] ids = new int[n], secrets = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i * 1000;
            secrets[i] = i * 1000 + 10;
        }
        int[] lo = new int[n], hi = new int[n];
        java.util.Arrays.fill(hi, n - 1);
        // A tiny cell budget forces one block per ID: the later blocks start after the secrets
        // already taken.
        int[] result =
                Pairing.pair(
                        n,
                        n,
                        lo,
                        hi,
                        (i, j) -> Math.abs(ids[i] - secrets[j]) <= 100,
                        (i, j) -> Math.abs(ids[i] - secrets[j]),
                        10);
        for (int i = 0; i < n; i++)
            if (result[i] != i) throw new AssertionError("id " + i + " paired with " + result[i]);
    }

    /** The full-table recurrence the banded one must agree with (the algorithm before the band). */
    private static int[] reference(
            int ids, int secrets, Pairing.Allowed allowed, Pairing.Distance distance) {
        int[] result = new int[ids];
        java.util.Arrays.fill(result, -1);
        long[][] best = new long[ids + 1][secrets + 1];
        for (int i = 1; i <= ids; i++) {
            for (int j = 1; j <= secrets; j++) {
                long v = Math.max(best[i - 1][j], best[i][j - 1]);
                if (allowed.test(i - 1, j - 1))
                    v = Math.max(v, best[i - 1][j - 1] + (1L << 40) - distance.of(i - 1, j - 1));
                best[i][j] = v;
            }
        }
        int i = ids, j = secrets;
        while (i > 0 && j > 0) {
            if (best[i][j] == best[i - 1][j]) i--;
            else if (best[i][j] == best[i][j - 1]) j--;
            else {
                result[i - 1] = j - 1;
                i--;
                j--;
            }
        }
        return result;
    }

    @Test
    void bandedAgreesWithTheFullTableOnRandomLayouts() {
        java.util.Random r = new java.util.Random(42);
        for (int round = 0; round < 3000; round++) {
            int n = r.nextInt(12), m = r.nextInt(12), window = 20 + r.nextInt(200);
            int[] ids = sortedPositions(r, n), secrets = sortedPositions(r, m);
            boolean[][] labelled = new boolean[n][m];
            for (boolean[] row : labelled) for (int j = 0; j < m; j++) row[j] = r.nextInt(4) > 0;
            Pairing.Allowed allowed =
                    (i, j) -> Math.abs(ids[i] - secrets[j]) <= window && labelled[i][j];
            Pairing.Distance distance =
                    (i, j) -> Math.abs(ids[i] - secrets[j]) + (secrets[j] < ids[i] ? 64 : 0);
            int[] lo = new int[n], hi = new int[n];
            for (int i = 0; i < n; i++) {
                lo[i] = 0;
                while (lo[i] < m && secrets[lo[i]] < ids[i] - window) lo[i]++;
                hi[i] = m - 1;
                while (hi[i] >= 0 && secrets[hi[i]] > ids[i] + window) hi[i]--;
            }
            int[] expected = reference(n, m, allowed, distance);
            assertArrayEquals(
                    expected, Pairing.pair(n, m, lo, hi, allowed, distance), "round " + round);
            assertArrayEquals(
                    expected,
                    Pairing.pair(n, m, allowed, distance),
                    "round " + round + " (full band)");
        }
    }

    private static int[] sortedPositions(java.util.Random r, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = r.nextInt(600);
        java.util.Arrays.sort(p);
        return p;
    }
}
