package dev.akguard.monitor.anomaly;

import java.util.Arrays;

/**
 * Median and median absolute deviation: a baseline that a few earlier bursts cannot drag upward.
 */
final class RobustStats {
    private RobustStats() {}

    static double median(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("median of no values");
        double[] v = values.clone();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2.0;
    }

    /** Median of |x - median(x)| (unscaled). */
    static double mad(double[] values, double median) {
        double[] dev = new double[values.length];
        for (int i = 0; i < values.length; i++) dev[i] = Math.abs(values[i] - median);
        return median(dev);
    }
}
