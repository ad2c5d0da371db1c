package dev.akguard.core.detect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds every occurrence of a fixed set of needles (at least four bytes each) without looking at
 * every byte. Any occurrence of a needle of length >= 4 spans at least three consecutive bigram
 * start positions, so one of them is a multiple of three: sampling the bigram at every third
 * position and looking it up in a 64K-entry table finds them all. On source text almost no sampled
 * bigram is in the table, so the inner loop is two loads, a table load and a branch per three
 * bytes.
 *
 * <p>The needles are the literal AccessKey prefixes ({@code LTAI}, {@code STS.}) and the fixed
 * parts of their base64 encodings at each of the three byte alignments, so that base64-wrapped keys
 * (Kubernetes Secrets, encoded config blobs) reach the decoder without a separate pass.
 */
public final class Prefilter {
    /** What a needle means to the detector. */
    public enum Kind {
        ACCESS_KEY_ID,
        STS_ID,
        BASE64,
        HEX,
        UNICODE_ESCAPE
    }

    private final byte[][] needles;
    private final Kind[] kinds;

    /**
     * For each bigram, the (needle, offset) pairs it appears at, packed as needle << 8 | offset;
     * null if none.
     */
    private final int[][] table = new int[1 << 16][];

    /**
     * The same set as {@code table}'s non-null entries, as an 8 KB bitset that stays in L1 cache.
     */
    private final long[] present = new long[(1 << 16) / 64];

    public static final Prefilter DEFAULT = new Prefilter();

    private Prefilter() {
        List<byte[]> ns = new ArrayList<>();
        List<Kind> ks = new ArrayList<>();
        add(ns, ks, "LTAI", Kind.ACCESS_KEY_ID);
        add(ns, ks, "STS.", Kind.STS_ID);
        Set<String> encoded = new LinkedHashSet<>();
        for (String prefix : List.of("LTAI", "STS.")) encoded.addAll(base64Needles(prefix));
        // Base64 of base64 (a secret file stored in a base64-valued CI variable or Helm value), for
        // the ID prefix.
        Set<String> twice = new LinkedHashSet<>();
        for (String once : base64Needles("LTAI"))
            if (once.length() >= 5) twice.addAll(base64Needles(once));
        encoded.addAll(twice);
        for (String b64 : encoded) add(ns, ks, b64, Kind.BASE64);
        // "LTAI" hex-encoded (either case) and written as backslash-u escapes (either case of the
        // hex digits).
        add(ns, ks, "4c544149", Kind.HEX);
        add(ns, ks, "4C544149", Kind.HEX);
        add(ns, ks, "\\u004c\\u0054", Kind.UNICODE_ESCAPE);
        add(ns, ks, "\\u004C\\u0054", Kind.UNICODE_ESCAPE);
        needles = ns.toArray(new byte[0][]);
        kinds = ks.toArray(new Kind[0]);
        for (int n = 0; n < needles.length; n++) {
            byte[] nd = needles[n];
            for (int off = 0; off + 1 < nd.length; off++) {
                int bg = (nd[off] & 0xff) << 8 | (nd[off + 1] & 0xff);
                int[] old = table[bg];
                int[] grown =
                        old == null ? new int[1] : java.util.Arrays.copyOf(old, old.length + 1);
                grown[grown.length - 1] = n << 8 | off;
                table[bg] = grown;
                present[bg >>> 6] |= 1L << bg;
            }
        }
    }

    private static void add(List<byte[]> ns, List<Kind> ks, String s, Kind k) {
        ns.add(s.getBytes(StandardCharsets.US_ASCII));
        ks.add(k);
    }

    /**
     * The characters of base64(x + prefix + y) that depend only on {@code prefix}, for each
     * alignment of the prefix within a 3-byte group, in both the standard and the URL-safe
     * alphabet.
     */
    static Set<String> base64Needles(String prefix) {
        Set<String> out = new LinkedHashSet<>();
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        for (int align = 0; align < 3; align++) {
            // Encode twice with different filler bytes; keep the longest stretch that agrees in
            // both.
            String a = encodeWith(p, align, (byte) 0x00);
            String b = encodeWith(p, align, (byte) 0xff);
            int bestStart = 0, bestLen = 0;
            for (int i = 0; i < a.length(); ) {
                if (a.charAt(i) != b.charAt(i)) {
                    i++;
                    continue;
                }
                int j = i;
                while (j < a.length() && a.charAt(j) == b.charAt(j)) j++;
                if (j - i > bestLen) {
                    bestLen = j - i;
                    bestStart = i;
                }
                i = j;
            }
            String stable = a.substring(bestStart, bestStart + bestLen);
            if (stable.length() >= 4) {
                out.add(stable);
                out.add(stable.replace('+', '-').replace('/', '_'));
            }
        }
        return out;
    }

    private static String encodeWith(byte[] p, int align, byte filler) {
        byte[] buf = new byte[align + p.length + 3];
        java.util.Arrays.fill(buf, filler);
        System.arraycopy(p, 0, buf, align, p.length);
        return Base64.getEncoder().withoutPadding().encodeToString(buf);
    }

    public int needleCount() {
        return needles.length;
    }

    public Kind kind(int needle) {
        return kinds[needle];
    }

    public int needleLength(int needle) {
        return needles[needle].length;
    }

    /**
     * Receives hits roughly in offset order, each occurrence once; callers sort when order matters.
     */
    @FunctionalInterface
    public interface HitSink {
        void hit(int offset, int needle);
    }

    /** Reports every occurrence in {@code a[from, to)}. */
    public void find(byte[] a, int from, int to, HitSink sink) {
        int[] lastStart = new int[needles.length];
        java.util.Arrays.fill(lastStart, -1);
        final long[] bits = present;
        int j = from;
        int last = to - 1;
        while (j < last) {
            int bg = (a[j] & 0xff) << 8 | (a[j + 1] & 0xff);
            if ((bits[bg >>> 6] & (1L << bg)) != 0) {
                for (int e : table[bg]) {
                    int n = e >>> 8;
                    int start = j - (e & 0xff);
                    if (start >= from
                            && start != lastStart[n]
                            && Bytes.regionMatches(a, start, to, needles[n])) {
                        lastStart[n] = start;
                        sink.hit(start, n);
                    }
                }
            }
            j += 3;
        }
    }
}
