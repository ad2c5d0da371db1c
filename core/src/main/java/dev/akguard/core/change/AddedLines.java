package dev.akguard.core.change;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The lines one change adds to one file, relative to one parent. Kept as sorted ranges, so a hunk
 * at line 1,500,000,000 costs two ints, not a bit or list entry per line before it. Sources of
 * added lines are JGit diffs (the hooks, history scans, clone scans) and GitHub patches (the
 * monitor); {@link ChangeRule} applies the one rule that decides what a change introduces.
 */
public final class AddedLines {
    /** Every line: the file is new relative to this parent (or its old side cannot be compared). */
    public static final AddedLines ALL = new AddedLines(null, null);

    public static final AddedLines NONE = new AddedLines(new int[0], new int[0]);

    private final int[] starts; // inclusive
    private final int[] ends; // exclusive

    private AddedLines(int[] starts, int[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /** From a set of line numbers (any base; callers ask {@link #contains} in the same base). */
    public static AddedLines of(BitSet lines) {
        Builder b = new Builder();
        for (int i = lines.nextSetBit(0); i >= 0; i = lines.nextSetBit(i + 1)) {
            int end = lines.nextClearBit(i);
            b.add(i, end);
            i = end - 1;
        }
        return b.build();
    }

    public boolean contains(int line) {
        if (starts == null) return true;
        int i = Arrays.binarySearch(starts, line);
        if (i >= 0) return true;
        int k = -i - 2;
        return k >= 0 && line < ends[k];
    }

    public boolean isEmpty() {
        return starts != null && starts.length == 0;
    }

    public boolean isAll() {
        return starts == null;
    }

    /** Collects ranges in ascending order (as hunks come); adjacent or overlapping ranges merge. */
    public static final class Builder {
        private int[] starts = new int[8];
        private int[] ends = new int[8];
        private int n;

        /** Adds {@code [from, to)}; ranges must not start before the previous one. */
        public Builder add(int from, int to) {
            if (to <= from) return this;
            if (n > 0 && from < starts[n - 1])
                throw new IllegalArgumentException(
                        "ranges out of order: " + from + " after " + starts[n - 1]);
            if (n > 0 && from <= ends[n - 1]) {
                ends[n - 1] = Math.max(ends[n - 1], to);
                return this;
            }
            if (n == starts.length) {
                starts = Arrays.copyOf(starts, n * 2);
                ends = Arrays.copyOf(ends, n * 2);
            }
            starts[n] = from;
            ends[n] = to;
            n++;
            return this;
        }

        public AddedLines build() {
            return new AddedLines(Arrays.copyOf(starts, n), Arrays.copyOf(ends, n));
        }
    }
}
