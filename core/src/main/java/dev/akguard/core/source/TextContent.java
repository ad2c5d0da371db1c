package dev.akguard.core.source;

import java.nio.charset.StandardCharsets;

/**
 * Bytes ready for the detector: UTF-8 or anything ASCII-compatible as is (invalid UTF-8 is fine:
 * every key character is ASCII), UTF-16 transcoded to UTF-8, a UTF-8 BOM skipped. Binary content is
 * recognised the way git does it: a NUL byte in the first 8000 bytes, unless the NULs are UTF-16's
 * high bytes.
 */
public record TextContent(byte[] bytes, int from, int to, Kind kind) {
    public enum Kind {
        TEXT,
        UTF16,
        BINARY
    }

    static final int SNIFF = 8000;

    public boolean binary() {
        return kind == Kind.BINARY;
    }

    public static TextContent of(byte[] a, int from, int to) {
        Kind k = sniff(a, from, to);
        if (k == Kind.UTF16) {
            boolean be = isBigEndian(a, from, to);
            int start = from;
            if (to - from >= 2 && ((a[from] & 0xff) == 0xFE || (a[from] & 0xff) == 0xFF))
                start += 2; // BOM
            String s =
                    new String(
                            a,
                            start,
                            (to - start) & ~1,
                            be ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            return new TextContent(utf8, 0, utf8.length, Kind.UTF16);
        }
        if (k == Kind.TEXT
                && to - from >= 3
                && (a[from] & 0xff) == 0xEF
                && (a[from + 1] & 0xff) == 0xBB
                && (a[from + 2] & 0xff) == 0xBF) {
            return new TextContent(a, from + 3, to, Kind.TEXT);
        }
        return new TextContent(a, from, to, k);
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
                    long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101010101010101L, HIGHS = 0x8080808080808080L;

    /**
     * True if {@code a[from, to)} contains a NUL byte; 32 bytes per step, one branch (the common
     * answer is no). {@code (v - ONES) & ~v & HIGHS} is non-zero exactly when {@code v} has a zero
     * byte (borrows only start at one).
     */
    static boolean hasNul(byte[] a, int from, int to) {
        int i = from;
        for (; i + 32 <= to; i += 32) {
            long v0 = (long) LONGS.get(a, i), v1 = (long) LONGS.get(a, i + 8);
            long v2 = (long) LONGS.get(a, i + 16), v3 = (long) LONGS.get(a, i + 24);
            long z = ((v0 - ONES) & ~v0) | ((v1 - ONES) & ~v1) | ((v2 - ONES) & ~v2);
            if (((z | ((v3 - ONES) & ~v3)) & HIGHS) != 0) return true;
        }
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(a, i);
            if (((v - 0x0101010101010101L) & ~v & 0x8080808080808080L) != 0) return true;
        }
        for (; i < to; i++) if (a[i] == 0) return true;
        return false;
    }

    /** Classifies by the first bytes only, so huge files can be classified before they are read. */
    public static Kind sniff(byte[] a, int from, int to) {
        int n = Math.min(to - from, SNIFF);
        if (n >= 2) {
            int b0 = a[from] & 0xff, b1 = a[from + 1] & 0xff;
            if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF)) return Kind.UTF16;
        }
        if (!hasNul(a, from, from + n)) return Kind.TEXT;
        // BOM-less UTF-16 of mostly ASCII text: NULs on one parity only, on most characters, and
        // printable ASCII on the other parity. Needs a sample long enough to tell it from a small
        // binary header.
        if (n < 16) return Kind.BINARY;
        int evenNul = 0, oddNul = 0;
        for (int i = 0; i < n; i++) {
            if (a[from + i] == 0) {
                if ((i & 1) == 0) evenNul++;
                else oddNul++;
                // NULs on both parities: not UTF-16 whatever follows (most binaries stop here).
                if (evenNul > 0 && oddNul > 0) return Kind.BINARY;
            }
        }
        int half = n / 2;
        boolean le = oddNul * 10 >= half * 4 && evenNul == 0;
        boolean be = evenNul * 10 >= half * 4 && oddNul == 0;
        if (!le && !be) return Kind.BINARY;
        int printable = 0;
        for (int i = le ? 0 : 1; i < n; i += 2) {
            int c = a[from + i] & 0xff;
            if (c == 0
                    || c == '\t'
                    || c == '\n'
                    || c == '\r'
                    || (c >= 0x20 && c < 0x7f)
                    || c >= 0x80) printable++;
        }
        return printable * 10 >= half * 9 ? Kind.UTF16 : Kind.BINARY;
    }

    static boolean isBigEndian(byte[] a, int from, int to) {
        if (to - from >= 2) {
            int b0 = a[from] & 0xff, b1 = a[from + 1] & 0xff;
            if (b0 == 0xFE && b1 == 0xFF) return true;
            if (b0 == 0xFF && b1 == 0xFE) return false;
        }
        int evenNul = 0;
        int n = Math.min(to - from, SNIFF);
        for (int i = 0; i < n; i += 2) if (a[from + i] == 0) evenNul++;
        return evenNul > 0;
    }
}
