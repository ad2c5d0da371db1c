package dev.akguard.core.detect;

import java.util.Locale;

/**
 * Decides whether a token that has the shape of a key is plausibly a real one rather than a
 * placeholder, a documentation sample or a run of repeated characters. Real AccessKey IDs and
 * secrets are drawn uniformly from [A-Za-z0-9], so each test below rejects a real key with
 * negligible probability.
 */
final class Plausibility {
    /**
     * Words that show up in sample keys and never by chance in a random one (probability about 1e-7
     * each).
     */
    private static final String[] PLACEHOLDER_WORDS = {
        "example",
        "sample",
        "your",
        "dummy",
        "fake",
        "placeholder",
        "xxxx",
        "accesskey",
        "secret",
        "changeme",
        "redacted",
        "insert",
        "replace",
        "AccessKey",
        "KeyId",
        "KeySecret"
    };

    private Plausibility() {}

    /** {@code s[from, to)} is the random part of an AccessKey ID (after "LTAI" or "STS."). */
    static boolean plausibleIdBody(byte[] s, int from, int to) {
        int n = to - from;
        if (hasPlaceholderShape(s, from, to)) return false;
        int classes = classes(s, from, to);
        if (classes < 2) return false;
        return entropy(s, from, to) >= (n >= 20 ? 3.0 : 2.6);
    }

    /** {@code s[from, to)} is a 30-character candidate secret. */
    static boolean plausibleSecret(byte[] s, int from, int to) {
        if (hasPlaceholderShape(s, from, to)) return false;
        boolean upper = false, lower = false;
        for (int i = from; i < to; i++) {
            byte b = s[i];
            if (b >= 'A' && b <= 'Z') upper = true;
            else if (b >= 'a' && b <= 'z') lower = true;
        }
        // P(no upper case letter in 30 random [A-Za-z0-9] chars) = (36/62)^30, about 1e-7: hashes
        // and
        // hex digests fail here, real secrets do not.
        if (!upper || !lower) return false;
        if (Bytes.regionMatches(s, from, to, LTAI) || Bytes.regionMatches(s, from, to, STS))
            return false;
        return entropy(s, from, to) >= 3.7;
    }

    private static final byte[] LTAI = {'L', 'T', 'A', 'I'};
    private static final byte[] STS = {'S', 'T', 'S', '.'};

    /**
     * Placeholder words (lower case, Capitalised or UPPER case: a case-insensitive match would
     * reject about one real key in 30,000), five or more repeats of one character, or a five-long
     * ascending run (12345, abcde).
     */
    static boolean hasPlaceholderShape(byte[] s, int from, int to) {
        int run = 1, asc = 1, foldedAsc = 1;
        for (int i = from + 1; i < to; i++) {
            run = s[i] == s[i - 1] ? run + 1 : 1;
            asc = s[i] == s[i - 1] + 1 ? asc + 1 : 1;
            foldedAsc = fold(s[i]) == fold(s[i - 1]) + 1 ? foldedAsc + 1 : 1;
            // Alternating case through the alphabet ("AbCdEf", "aBcDeFgH"): six in a row is about
            // 1e-6 per random key.
            if (run >= 5 || asc >= 5 || foldedAsc >= 6) return true;
        }
        if (keyboardWalk(s, from, to) || repeatedBlock(s, from, to)) return true;
        String text = new String(s, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String w : PLACEHOLDER_WORDS) {
            if (text.contains(w)
                    || text.contains(w.toUpperCase(Locale.ROOT))
                    || text.contains(Character.toUpperCase(w.charAt(0)) + w.substring(1)))
                return true;
        }
        return false;
    }

    private static int fold(byte b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    /**
     * Keyboard rows, walked either way; six keys of one in a row, any case, is a walk ("qwerty",
     * "ASDFGH", "mnbvcx").
     */
    private static final String[] ROWS = {
        "qwertyuiop",
        "asdfghjkl",
        "zxcvbnm",
        "poiuytrewq",
        "lkjhgfdsa",
        "mnbvcxz",
        "1qaz2wsx3edc4rfv",
        "0987654321"
    };

    private static final int WALK = 6;

    /**
     * NEXT_KEY[c][d]: d follows c on a keyboard row (either direction), both folded to lower case.
     */
    private static final boolean[][] NEXT_KEY = new boolean[128][128];

    static {
        for (String row : ROWS)
            for (int i = 0; i + 1 < row.length(); i++)
                NEXT_KEY[row.charAt(i)][row.charAt(i + 1)] = true;
    }

    /** One pass: the longest stretch in which each key follows the one before on a row. */
    private static boolean keyboardWalk(byte[] s, int from, int to) {
        int run = 1;
        for (int i = from + 1; i < to; i++) {
            int c = fold(s[i - 1]) & 0x7f, d = fold(s[i]) & 0x7f;
            run = NEXT_KEY[c][d] ? run + 1 : 1;
            if (run >= WALK && onOneRow(s, i - WALK + 1))
                return true; // the table joins rows; a walk stays on one
        }
        return false;
    }

    private static boolean onOneRow(byte[] s, int at) {
        for (String row : ROWS) {
            int k = row.indexOf(fold(s[at]));
            if (k < 0 || k + WALK > row.length()) continue;
            int m = 1;
            while (m < WALK && fold(s[at + m]) == row.charAt(k + m)) m++;
            if (m == WALK) return true;
        }
        return false;
    }

    /**
     * A block repeated: three copies of 2 to 10 characters in a row ("x7x7x7", "Ab12Ab12Ab12") or
     * two of 5 or more ("K9pQzK9pQz"). By chance that is below one random key in ten million.
     */
    private static boolean repeatedBlock(byte[] s, int from, int to) {
        for (int len = 2; len <= 10; len++) {
            int needed = len >= 5 ? 2 * len : 3 * len;
            for (int i = from; i + needed <= to; i++) {
                int k = len;
                while (k < needed && s[i + k] == s[i + k - len]) k++;
                if (k == needed) return true;
            }
        }
        return false;
    }

    static int classes(byte[] s, int from, int to) {
        int mask = 0;
        for (int i = from; i < to; i++) {
            byte b = s[i];
            if (b >= '0' && b <= '9') mask |= 1;
            else if (b >= 'A' && b <= 'Z') mask |= 2;
            else if (b >= 'a' && b <= 'z') mask |= 4;
        }
        return Integer.bitCount(mask);
    }

    /** Shannon entropy in bits per character. */
    static double entropy(byte[] s, int from, int to) {
        int[] counts = new int[128];
        int n = to - from;
        for (int i = from; i < to; i++) counts[s[i] & 0x7f]++;
        double h = 0;
        for (int c : counts) {
            if (c == 0) continue;
            double p = (double) c / n;
            h -= p * (Math.log(p) / Math.log(2));
        }
        return h;
    }
}
