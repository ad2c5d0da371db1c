package dev.akguard.core.detect;

import java.util.Arrays;

/**
 * The text inside a binary file, as {@code strings} sees it: runs of printable ASCII (line breaks
 * and tabs included, so embedded text keeps its lines) and runs of UTF-16LE characters (Windows and
 * .NET string tables), each run on a line of its own, with every offset mapped back onto the
 * binary's bytes. Compiled programs, class files, SQLite files and pickles keep their string
 * constants this way.
 */
final class BinaryStrings {
    /** Shorter runs cannot hold a key or a useful label (the same default as {@code strings}). */
    static final int MIN_RUN = 4;

    /** UTF-16 runs need more: pairs of (ASCII, NUL) occur by chance in binary data. */
    static final int MIN_WIDE_RUN = 8;

    private final byte[] view;
    private final int length;
    private final int[] viewStart, origStart, scale;
    private final int runs;

    private BinaryStrings(
            byte[] view, int length, int[] viewStart, int[] origStart, int[] scale, int runs) {
        this.view = view;
        this.length = length;
        this.viewStart = viewStart;
        this.origStart = origStart;
        this.scale = scale;
        this.runs = runs;
    }

    byte[] bytes() {
        return view;
    }

    int length() {
        return length;
    }

    private static boolean printable(int c) {
        return (c >= 0x20 && c < 0x7f) || c == '\t' || c == '\n' || c == '\r';
    }

    static BinaryStrings of(byte[] a, int from, int to) {
        byte[] out = new byte[Math.max(64, (to - from) / 2)];
        int size = 0;
        int cap = 64;
        int[] vs = new int[cap], os = new int[cap], sc = new int[cap];
        int n = 0;
        int i = from;
        while (i < to) {
            if (!PRINTABLE[a[i] & 0xff]) {
                i++;
                continue;
            }
            int j = i;
            while (j < to && PRINTABLE[a[j] & 0xff]) j++;
            int wide =
                    j - i == 1
                            ? wideRun(a, i, to)
                            : 0; // a UTF-16 run shows as one printable byte, then NUL
            int chars = wide >= MIN_WIDE_RUN ? wide : j - i >= MIN_RUN ? j - i : 0;
            if (chars > 0) {
                if (n == cap) {
                    cap *= 2;
                    vs = Arrays.copyOf(vs, cap);
                    os = Arrays.copyOf(os, cap);
                    sc = Arrays.copyOf(sc, cap);
                }
                if (size + chars + 1 > out.length)
                    out = Arrays.copyOf(out, Math.max(out.length * 2, size + chars + 1));
                vs[n] = size;
                os[n] = i;
                sc[n] = wide >= MIN_WIDE_RUN ? 2 : 1;
                n++;
                if (sc[n - 1] == 2) {
                    for (int k = 0; k < wide; k++) out[size++] = a[i + 2 * k];
                    i += 2 * wide;
                } else {
                    System.arraycopy(a, i, out, size, chars);
                    size += chars;
                    i = j;
                }
                out[size++] = '\n';
                continue;
            }
            i = j;
        }
        return new BinaryStrings(out, size, vs, os, sc, n);
    }

    private static final boolean[] PRINTABLE = new boolean[256];

    static {
        for (int c = 0; c < 256; c++) PRINTABLE[c] = printable(c);
    }

    /** Characters of the UTF-16LE run of printable ASCII starting at {@code i}. */
    private static int wideRun(byte[] a, int i, int to) {
        int k = 0;
        while (i + 2 * k + 1 < to && PRINTABLE[a[i + 2 * k] & 0xff] && a[i + 2 * k + 1] == 0) k++;
        return k;
    }

    /** Offset in the binary of the view byte at {@code viewOffset}. */
    int toOriginal(int viewOffset) {
        int lo = 0, hi = runs - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (viewStart[mid] <= viewOffset) lo = mid;
            else hi = mid - 1;
        }
        return origStart[lo] + (viewOffset - viewStart[lo]) * scale[lo];
    }

    /** The binary's span for the view span {@code [start, end)}. */
    int[] toOriginal(int start, int end) {
        int s = toOriginal(start);
        int last = toOriginal(end - 1);
        return new int[] {s, last + scaleAt(end - 1)};
    }

    private int scaleAt(int viewOffset) {
        int lo = 0, hi = runs - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (viewStart[mid] <= viewOffset) lo = mid;
            else hi = mid - 1;
        }
        return scale[lo];
    }
}
