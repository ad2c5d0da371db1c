package dev.akguard.core.detect;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class PairingTest {
    /** Positions on a line; every pair within 100 is allowed. */
    private static int[] pair(int[] ids, int[] secrets) {
        return Pairing.pair(ids.length, secrets.length, (i, j) -> Math.abs(ids[i] - secrets[j]) <= 100,
                (i, j) -> Math.abs(ids[i] - secrets[j]) + (secrets[j] < ids[i] ? 1 : 0));
    }

    @Test
    void interleavedPairsPairInOrder() {
        // id s id s -> (0,0) (1,1), not the nearer-but-crossing s0-id1.
        assertArrayEquals(new int[] {0, 1}, pair(new int[] {0, 20}, new int[] {10, 30}));
    }

    @Test
    void idsFirstThenSecretsPairInOrderAndNeverCross() {
        // id id s s: nearest-first alone would take id1-s0 and strand id0; order-preserving gets both right.
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
    void greedyFallbackKeepsTheNoCrossingRule() {
        int n = 2100; // 2100 x 2100 > DP_LIMIT
        int[] ids = new int[n], secrets = new int[n];
        for (int i = 0; i < n; i++) { ids[i] = i * 1000; secrets[i] = i * 1000 + 10; }
        int[] result = pair(ids, secrets);
        for (int i = 0; i < n; i++) if (result[i] != i) throw new AssertionError("id " + i + " paired with " + result[i]);
    }
}
