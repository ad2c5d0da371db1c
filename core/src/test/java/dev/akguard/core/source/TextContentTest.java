package dev.akguard.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextContentTest {
    private static String decode(byte[] raw) {
        TextContent t = TextContent.of(raw, 0, raw.length);
        return new String(t.bytes(), t.from(), t.to() - t.from(), StandardCharsets.UTF_8);
    }

    @Test
    void utf16WithBomBothByteOrders() {
        byte[] le = "\uFEFFkey = 值".getBytes(StandardCharsets.UTF_16LE);
        byte[] be = "\uFEFFkey = 值".getBytes(StandardCharsets.UTF_16BE);
        assertEquals(TextContent.Kind.UTF16, TextContent.sniff(le, 0, le.length));
        assertEquals("key = 值", decode(le));
        assertEquals("key = 值", decode(be));
    }

    @Test
    void utf16WithoutBomIsRecognisedByItsNuls() {
        byte[] le = "access_key_id = something long enough".getBytes(StandardCharsets.UTF_16LE);
        assertEquals(TextContent.Kind.UTF16, TextContent.sniff(le, 0, le.length));
        assertEquals("access_key_id = something long enough", decode(le));
    }

    @Test
    void nulInBinaryIsBinaryAndInvalidUtf8IsText() {
        byte[] bin = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3, 0, 0, 9};
        assertEquals(TextContent.Kind.BINARY, TextContent.sniff(bin, 0, bin.length));
        byte[] latin = {'k', '=', (byte) 0xE9, (byte) 0xFF, 'x'};
        assertEquals(TextContent.Kind.TEXT, TextContent.sniff(latin, 0, latin.length));
    }

    @Test
    void utf8BomIsSkipped() {
        byte[] raw = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'};
        assertEquals("a", decode(raw));
    }

    @Test
    void hasNulAgreesWithALookAtEveryByte() {
        java.util.Random r = new java.util.Random(4);
        for (int len = 0; len < 80; len++) {
            for (int trial = 0; trial < 40; trial++) {
                byte[] a = new byte[len];
                for (int i = 0; i < len; i++) a[i] = (byte) (1 + r.nextInt(255)); // no NUL
                // Bytes that make the word trick borrow: 0x01 and 0x80, next to where a NUL goes.
                if (trial % 3 == 0) java.util.Arrays.fill(a, (byte) 1);
                if (trial % 3 == 1) java.util.Arrays.fill(a, (byte) 0x80);
                int from = len == 0 ? 0 : r.nextInt(Math.min(len, 9));
                int to = len - (len == from ? 0 : r.nextInt(Math.min(len - from, 9)));
                assertEquals(false, TextContent.hasNul(a, from, to));
                for (int at = 0; at < len; at++) {
                    byte keep = a[at];
                    a[at] = 0;
                    assertEquals(
                            at >= from && at < to,
                            TextContent.hasNul(a, from, to),
                            "NUL at " + at + " in [" + from + ", " + to + ")");
                    a[at] = keep;
                }
            }
        }
    }

    /** The classification as it was written first: every NUL counted, then decided. */
    private static TextContent.Kind sniffByCounting(byte[] a, int from, int to) {
        int n = Math.min(to - from, TextContent.SNIFF);
        if (n >= 2) {
            int b0 = a[from] & 0xff, b1 = a[from + 1] & 0xff;
            if ((b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF))
                return TextContent.Kind.UTF16;
        }
        int evenNul = 0, oddNul = 0;
        for (int i = 0; i < n; i++)
            if (a[from + i] == 0) {
                if ((i & 1) == 0) evenNul++;
                else oddNul++;
            }
        if (evenNul + oddNul == 0) return TextContent.Kind.TEXT;
        int half = n / 2;
        if (n < 16) return TextContent.Kind.BINARY;
        boolean le = oddNul * 10 >= half * 4 && evenNul == 0;
        boolean be = evenNul * 10 >= half * 4 && oddNul == 0;
        if (!le && !be) return TextContent.Kind.BINARY;
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
        return printable * 10 >= half * 9 ? TextContent.Kind.UTF16 : TextContent.Kind.BINARY;
    }

    @Test
    void sniffStopsEarlyOnlyWhenTheAnswerCannotChange() {
        java.util.Random r = new java.util.Random(5);
        for (int trial = 0; trial < 4000; trial++) {
            int len = trial < 2000 ? r.nextInt(40) : r.nextInt(TextContent.SNIFF + 100);
            byte[] a;
            switch (trial % 4) {
                case 0 -> { // UTF-16 of ASCII, either order, sometimes with a stray NUL or binary
                    a =
                            "some text = value\n"
                                    .repeat(len / 18 + 1)
                                    .substring(0, len)
                                    .getBytes(
                                            r.nextBoolean()
                                                    ? StandardCharsets.UTF_16LE
                                                    : StandardCharsets.UTF_16BE);
                    if (a.length > 0 && r.nextBoolean()) a[r.nextInt(a.length)] = 0;
                    if (a.length > 0 && r.nextInt(4) == 0) a[r.nextInt(a.length)] = (byte) 0x90;
                }
                case 1 -> { // binary: random bytes, NULs anywhere
                    a = new byte[len];
                    r.nextBytes(a);
                }
                case 2 -> { // text with a NUL or two on one parity
                    a = "x".repeat(len).getBytes(StandardCharsets.US_ASCII);
                    for (int k = r.nextInt(3); k > 0 && len > 0; k--) a[r.nextInt(len) & ~1] = 0;
                }
                default -> { // NULs on one parity only, densely: UTF-16-like or not
                    a = new byte[len];
                    for (int i = 0; i < len; i++)
                        a[i] = (i & 1) == 0 ? (byte) (0x20 + r.nextInt(0x70)) : 0;
                    if (len > 3 && r.nextBoolean()) a[r.nextInt(len)] = (byte) r.nextInt(256);
                }
            }
            assertEquals(
                    sniffByCounting(a, 0, a.length),
                    TextContent.sniff(a, 0, a.length),
                    "trial " + trial);
        }
    }
}
