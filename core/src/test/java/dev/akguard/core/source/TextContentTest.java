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
}
