package dev.akguard.core.text;

/**
 * How many terminal columns a string takes: East Asian wide and fullwidth characters (CJK, Hangul,
 * fullwidth forms, most emoji) take two, combining marks and other zero-width characters none,
 * everything else one. The ranges follow Unicode's EastAsianWidth W/F classes as terminals apply
 * them (the widely used wcwidth tables). Control characters are expected to have been escaped with
 * {@link Untrusted} first; here they count as one.
 */
public final class DisplayWidth {
    private DisplayWidth() {}

    /** Inclusive code point ranges of width 2, sorted. */
    private static final int[][] WIDE = {
        {0x1100, 0x115f},
        {0x231a, 0x231b},
        {0x2329, 0x232a},
        {0x23e9, 0x23ec},
        {0x23f0, 0x23f0},
        {0x23f3, 0x23f3},
        {0x25fd, 0x25fe},
        {0x2614, 0x2615},
        {0x2648, 0x2653},
        {0x267f, 0x267f},
        {0x2693, 0x2693},
        {0x26a1, 0x26a1},
        {0x26aa, 0x26ab},
        {0x26bd, 0x26be},
        {0x26c4, 0x26c5},
        {0x26ce, 0x26ce},
        {0x26d4, 0x26d4},
        {0x26ea, 0x26ea},
        {0x26f2, 0x26f3},
        {0x26f5, 0x26f5},
        {0x26fa, 0x26fa},
        {0x26fd, 0x26fd},
        {0x2705, 0x2705},
        {0x270a, 0x270b},
        {0x2728, 0x2728},
        {0x274c, 0x274c},
        {0x274e, 0x274e},
        {0x2753, 0x2755},
        {0x2757, 0x2757},
        {0x2795, 0x2797},
        {0x27b0, 0x27b0},
        {0x27bf, 0x27bf},
        {0x2b1b, 0x2b1c},
        {0x2b50, 0x2b50},
        {0x2b55, 0x2b55},
        {0x2e80, 0x303e},
        {0x3041, 0x33ff},
        {0x3400, 0x4dbf},
        {0x4e00, 0x9fff},
        {0xa000, 0xa4cf},
        {0xa960, 0xa97f},
        {0xac00, 0xd7a3},
        {0xf900, 0xfaff},
        {0xfe10, 0xfe19},
        {0xfe30, 0xfe6f},
        {0xff00, 0xff60},
        {0xffe0, 0xffe6},
        {0x16fe0, 0x16fe4},
        {0x17000, 0x18cff},
        {0x1b000, 0x1b2ff},
        {0x1f004, 0x1f004},
        {0x1f0cf, 0x1f0cf},
        {0x1f18e, 0x1f18e},
        {0x1f191, 0x1f19a},
        {0x1f200, 0x1f251},
        {0x1f300, 0x1f320},
        {0x1f32d, 0x1f335},
        {0x1f337, 0x1f37c},
        {0x1f37e, 0x1f393},
        {0x1f3a0, 0x1f3ca},
        {0x1f3cf, 0x1f3d3},
        {0x1f3e0, 0x1f3f0},
        {0x1f3f4, 0x1f3f4},
        {0x1f3f8, 0x1f43e},
        {0x1f440, 0x1f440},
        {0x1f442, 0x1f4fc},
        {0x1f4ff, 0x1f53d},
        {0x1f54b, 0x1f54e},
        {0x1f550, 0x1f567},
        {0x1f57a, 0x1f57a},
        {0x1f595, 0x1f596},
        {0x1f5a4, 0x1f5a4},
        {0x1f5fb, 0x1f64f},
        {0x1f680, 0x1f6c5},
        {0x1f6cc, 0x1f6cc},
        {0x1f6d0, 0x1f6d2},
        {0x1f6d5, 0x1f6d7},
        {0x1f6eb, 0x1f6ec},
        {0x1f6f4, 0x1f6fc},
        {0x1f7e0, 0x1f7eb},
        {0x1f90c, 0x1f93a},
        {0x1f93c, 0x1f945},
        {0x1f947, 0x1f9ff},
        {0x1fa70, 0x1faff},
        {0x20000, 0x2fffd},
        {0x30000, 0x3fffd},
    };

    public static int of(CharSequence s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            w += of(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    public static int of(int cp) {
        if (cp == 0) return 0;
        if (isZeroWidth(cp)) return 0;
        return isWide(cp) ? 2 : 1;
    }

    static boolean isWide(int cp) {
        if (cp < 0x1100) return false;
        int lo = 0, hi = WIDE.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < WIDE[mid][0]) hi = mid - 1;
            else if (cp > WIDE[mid][1]) lo = mid + 1;
            else return true;
        }
        return false;
    }

    private static boolean isZeroWidth(int cp) {
        if (cp == 0x00ad) return false; // soft hyphen is shown by terminals
        if (cp >= 0x1160 && cp <= 0x11ff)
            return true; // Hangul medial vowels and final consonants combine
        if (cp == 0x200b) return true;
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT;
    }

    /**
     * {@code s} followed by spaces up to {@code width} columns (nothing added when it is already as
     * wide).
     */
    public static String padRight(String s, int width) {
        int pad = width - of(s);
        return pad <= 0 ? s : s + " ".repeat(pad);
    }

    /** Spaces up to {@code width} columns, then {@code s}. */
    public static String padLeft(String s, int width) {
        int pad = width - of(s);
        return pad <= 0 ? s : " ".repeat(pad) + s;
    }

    /** At most {@code width} columns of {@code s}; when cut, the last column is an ellipsis. */
    public static String truncate(String s, int width) {
        if (of(s) <= width) return s;
        StringBuilder b = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            int cw = of(cp);
            if (w + cw > width - 1) break;
            b.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return b.append('…').toString();
    }
}
