package dev.akguard.core.detect;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
 * bigram is in the table, so the inner loop is one 16-bit load, a table load and a branch per three
 * bytes.
 *
 * <p>Only one bigram per needle and residue of its offset modulo three needs to be in the table:
 * whatever the alignment of an occurrence, the sampled positions inside it have one residue, and
 * that residue's bigram is among them. Longer needles index the rarest bigram of each residue
 * ({@link #COMMON}), so the backslash-u escapes and the zeros of hex that fill ordinary source text
 * do not send every third sample to the needle check.
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
     * The same set as {@code table}'s non-null entries, one byte per bigram read as a little-endian
     * {@code short} (first byte low): the sampling loop's only lookup, one 16-bit load and one byte
     * load per sample. Static (there is one prefilter) so that the JIT knows its length and drops
     * the bounds check; the bigrams of text touch only its printable quarter.
     */
    private static final byte[] INDEXED = new byte[1 << 16];

    private static final VarHandle SHORTS =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);

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
            for (int residue = 0; residue < STRIDE; residue++) {
                int off = rarestBigram(nd, residue);
                int bg = bigram(nd, off);
                int[] old = table[bg];
                int[] grown =
                        old == null ? new int[1] : java.util.Arrays.copyOf(old, old.length + 1);
                grown[grown.length - 1] = n << 8 | off;
                table[bg] = grown;
                INDEXED[(bg >>> 8) | (bg & 0xff) << 8] = 1;
            }
        }
    }

    /** The sampling stride: every needle spans at least this many bigram start positions. */
    private static final int STRIDE = 3;

    /**
     * Bigrams of the needles that are common in source text, most common first, as measured on the
     * JDK's sources, Python's standard library and the C headers of /usr/include (occurrences per
     * MB, the highest of the three, from about 5,500 for backslash-u down to about 20); the others
     * occur less than once per 50 KB in any of them. Only the choice of the indexed bigram depends
     * on it, never which occurrences are found.
     */
    static final String COMMON =
            "\\u 00 ST TA RT u0 VE NU UR C\\ 04 TL CU SQ TS GS AI LT NV EF QU 05 54 RB 14 FR"
                    + " 44 RG 41 49 TF BS RU 4C Mu C5 S. WR MV FM VF GU";

    private static int bigram(byte[] nd, int off) {
        return (nd[off] & 0xff) << 8 | (nd[off + 1] & 0xff);
    }

    /** How common a bigram is in source text: higher is more common, -1 when rare. */
    private static int commonness(int bg) {
        String s = new String(new char[] {(char) (bg >>> 8), (char) (bg & 0xff)});
        String[] common = COMMON.split(" ");
        for (int i = 0; i < common.length; i++) if (common[i].equals(s)) return common.length - i;
        return -1;
    }

    /**
     * The offset of the needle's least common bigram among those at {@code residue} modulo {@link
     * #STRIDE} (the first on a tie).
     */
    static int rarestBigram(byte[] nd, int residue) {
        int best = residue;
        for (int off = residue + STRIDE; off + 1 < nd.length; off += STRIDE)
            if (commonness(bigram(nd, off)) < commonness(bigram(nd, best))) best = off;
        return best;
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

    /** The needle's bytes (a copy). */
    byte[] needle(int needle) {
        return needles[needle].clone();
    }

    /**
     * Receives hits roughly in offset order, each occurrence once; callers sort when order matters.
     */
    @FunctionalInterface
    public interface HitSink {
        void hit(int offset, int needle);
    }

    /**
     * Reports every occurrence in {@code a[from, to)}. Each is reported once: the samples inside an
     * occurrence share one residue modulo {@link #STRIDE}, and the table holds one bigram per
     * needle and residue.
     */
    public void find(byte[] a, int from, int to, HitSink sink) {
        int last = to - 1;
        for (int j = skip(a, from, last); j < last; j = skip(a, j + STRIDE, last))
            check(a, from, to, j, sink);
    }

    /**
     * The first sampled position at or after {@code j} whose bigram is indexed, or one at or past
     * {@code last}: the hot loop, kept free of calls so that the JIT unrolls it.
     */
    private static int skip(byte[] a, int j, int last) {
        final byte[] indexed = INDEXED;
        while (j < last && indexed[(char) (short) SHORTS.get(a, j)] == 0) j += STRIDE;
        return j;
    }

    /** The needles whose indexed bigram is the one at {@code j}: out of the sampling loop. */
    private void check(byte[] a, int from, int to, int j, HitSink sink) {
        for (int e : table[(a[j] & 0xff) << 8 | (a[j + 1] & 0xff)]) {
            int n = e >>> 8;
            int start = j - (e & 0xff);
            if (start >= from && Bytes.regionMatches(a, start, to, needles[n])) sink.hit(start, n);
        }
    }
}
