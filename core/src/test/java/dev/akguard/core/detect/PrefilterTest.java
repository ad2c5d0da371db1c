package dev.akguard.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PrefilterTest {
    private static List<Integer> hits(String text, Prefilter.Kind kind) {
        byte[] a = text.getBytes(StandardCharsets.ISO_8859_1);
        List<Integer> out = new ArrayList<>();
        Prefilter.DEFAULT.find(
                a,
                0,
                a.length,
                (off, n) -> {
                    if (Prefilter.DEFAULT.kind(n) == kind) out.add(off);
                });
        out.sort(null);
        return out;
    }

    @Test
    void findsTheLiteralPrefixAtEveryOffsetIncludingBufferEdges() {
        Random r = new Random(1);
        for (int pad = 0; pad < 12; pad++) {
            String text = "x".repeat(pad) + TestKeys.PREFIX + "5tabc";
            assertEquals(List.of(pad), hits(text, Prefilter.Kind.ACCESS_KEY_ID), "pad " + pad);
        }
        assertEquals(List.of(0), hits(TestKeys.PREFIX, Prefilter.Kind.ACCESS_KEY_ID));
        String many =
                TestKeys.PREFIX
                        + " "
                        + TestKeys.PREFIX
                        + TestKeys.PREFIX
                        + TestKeys.any(r, 7)
                        + TestKeys.PREFIX;
        assertEquals(4, hits(many, Prefilter.Kind.ACCESS_KEY_ID).size());
    }

    @Test
    void findsStsPrefix() {
        assertEquals(List.of(3), hits("id=ST" + "S.NTabc", Prefilter.Kind.STS_ID));
    }

    @Test
    void base64OfAnIdIsFlaggedAtEveryAlignment() {
        Random r = new Random(2);
        for (int trial = 0; trial < 300; trial++) {
            String plain = TestKeys.any(r, trial % 7) + TestKeys.id(r) + TestKeys.any(r, trial % 5);
            String encoded =
                    Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
            assertTrue(
                    !hits(encoded, Prefilter.Kind.BASE64).isEmpty(),
                    "missed base64 of " + plain.length() + " chars, trial " + trial);
            String urlSafe =
                    Base64.getUrlEncoder()
                            .encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
            assertTrue(!hits(urlSafe, Prefilter.Kind.BASE64).isEmpty());
        }
    }

    /** Every (offset, needle) in {@code a[from, to)}, "offset:needle", by looking at every byte. */
    private static List<String> naive(byte[] a, int from, int to) {
        Prefilter pf = Prefilter.DEFAULT;
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++)
            for (int n = 0; n < pf.needleCount(); n++)
                if (Bytes.regionMatches(a, i, to, pf.needle(n))) out.add(i + ":" + n);
        out.sort(null);
        return out;
    }

    private static List<String> found(byte[] a, int from, int to) {
        List<String> out = new ArrayList<>();
        Prefilter.DEFAULT.find(a, from, to, (off, n) -> out.add(off + ":" + n));
        out.sort(null); // duplicates stay: each occurrence must come exactly once
        return out;
    }

    @Test
    void findsExactlyWhatALookAtEveryByteFinds() {
        Prefilter pf = Prefilter.DEFAULT;
        Random r = new Random(3);
        // Pieces of needles glued together: overlapping, adjacent and cut-off occurrences at every
        // alignment, and the needles' bigrams where no needle is.
        List<byte[]> pieces = new ArrayList<>();
        for (int n = 0; n < pf.needleCount(); n++) {
            byte[] nd = pf.needle(n);
            pieces.add(nd);
            for (int k = 1; k < nd.length; k++) {
                pieces.add(java.util.Arrays.copyOfRange(nd, 0, k));
                pieces.add(java.util.Arrays.copyOfRange(nd, k, nd.length));
            }
        }
        for (String s : List.of("x", " ", "\\", "0", "\n", "=")) pieces.add(s.getBytes());
        for (int trial = 0; trial < 3000; trial++) {
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
            int len = r.nextInt(trial < 1000 ? 40 : 400);
            while (buf.size() < len) {
                if (r.nextInt(4) == 0) buf.write(r.nextInt(256));
                else buf.writeBytes(pieces.get(r.nextInt(pieces.size())));
            }
            byte[] a = buf.toByteArray();
            int from = a.length == 0 ? 0 : r.nextInt(Math.min(a.length, 8));
            int to =
                    a.length - (a.length - from == 0 ? 0 : r.nextInt(Math.min(a.length - from, 8)));
            assertEquals(naive(a, from, to), found(a, from, to), "trial " + trial);
            assertEquals(naive(a, 0, a.length), found(a, 0, a.length), "trial " + trial);
        }
    }

    @Test
    void everyNeedleAtEveryOffsetAndAtBothEndsOfTheBuffer() {
        Prefilter pf = Prefilter.DEFAULT;
        for (int n = 0; n < pf.needleCount(); n++) {
            byte[] nd = pf.needle(n);
            for (int pad = 0; pad < 7; pad++) {
                for (int tail = 0; tail < 4; tail++) {
                    byte[] a = new byte[pad + nd.length + tail];
                    java.util.Arrays.fill(a, (byte) 'x');
                    System.arraycopy(nd, 0, a, pad, nd.length);
                    assertTrue(found(a, 0, a.length).contains(pad + ":" + n), n + " at " + pad);
                    assertEquals(naive(a, 0, a.length), found(a, 0, a.length));
                    // Cut by the range on either side: not there.
                    assertTrue(!found(a, pad + 1, a.length).contains(pad + ":" + n));
                    assertTrue(!found(a, 0, pad + nd.length - 1).contains(pad + ":" + n));
                }
            }
        }
    }

    @Test
    void indexesOneBigramPerResidueAndAvoidsCommonOnes() {
        // The unicode-escape needles' table entries are not the backslash-u or the zeros.
        Prefilter pf = Prefilter.DEFAULT;
        for (int n = 0; n < pf.needleCount(); n++) {
            if (pf.kind(n) != Prefilter.Kind.UNICODE_ESCAPE) continue;
            byte[] nd = pf.needle(n);
            for (int residue = 0; residue < 3; residue++) {
                int off = Prefilter.rarestBigram(nd, residue);
                assertEquals(residue, off % 3);
                String bg = new String(nd, off, 2, StandardCharsets.US_ASCII);
                assertTrue(!bg.equals("\\u") && !bg.equals("00") && !bg.equals("u0"), bg);
            }
        }
    }

    @Test
    void ordinarySourceTextHasNoHits() {
        String code =
                "public static void main(String[] args) { System.out.println(\"DATA STATUS TABLE MAIN\"); }\n"
                        .repeat(50);
        assertEquals(List.of(), hits(code, Prefilter.Kind.ACCESS_KEY_ID));
        assertEquals(List.of(), hits(code, Prefilter.Kind.BASE64));
    }
}
