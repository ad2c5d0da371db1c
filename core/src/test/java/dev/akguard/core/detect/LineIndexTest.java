package dev.akguard.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.akguard.core.finding.Position;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineIndexTest {
    private static Position at(String text, String needle) {
        byte[] a = text.getBytes(StandardCharsets.UTF_8);
        int start = text.substring(0, text.indexOf(needle)).getBytes(StandardCharsets.UTF_8).length;
        return new LineIndex(a, 0)
                .span(start, start + needle.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void linesAndColumnsAreOneBased() {
        Position p = at("a\nbb\n  KEY here", "KEY");
        assertEquals(3, p.line());
        assertEquals(3, p.column());
        assertEquals(6, p.endColumn());
    }

    @Test
    void crlfAndLoneCrAreSingleLineBreaks() {
        assertEquals(3, at("a\r\nb\r\nKEY", "KEY").line());
        assertEquals(3, at("a\rb\rKEY", "KEY").line());
        assertEquals(4, at("a\r\n\nb\rKEY", "KEY").line());
    }

    @Test
    void columnsCountUtf16UnitsNotBytes() {
        // 3 Chinese characters (3 bytes each in UTF-8, 1 UTF-16 unit each) and an emoji (4 bytes, 2
        // units).
        Position p = at("密钥：\uD83D\uDD11KEY", "KEY");
        assertEquals(6, p.column());
    }

    @Test
    void outOfOrderQueriesStillAnswerCorrectly() {
        byte[] a = "one\ntwo\nthree".getBytes(StandardCharsets.UTF_8);
        LineIndex idx = new LineIndex(a, 0);
        assertEquals(3, idx.span(8, 13).line());
        assertEquals(1, idx.span(0, 3).line());
        assertEquals(2, idx.span(4, 7).line());
    }

    @Test
    void chunkBaseIsHonoured() {
        byte[] a = "xx\nKEY".getBytes(StandardCharsets.UTF_8);
        Position p = new LineIndex(a, 0, 1000, 41, 7).span(3, 6);
        assertEquals(42, p.line());
        assertEquals(1, p.column());
        assertEquals(1003, p.offset());
        Position same = new LineIndex(a, 0, 1000, 41, 7).span(0, 2);
        assertEquals(8, same.column());
    }

    @Test
    void fastSkipAgreesWithTheByteWalk() {
        java.util.Random r = new java.util.Random(3);
        for (int trial = 0; trial < 200; trial++) {
            StringBuilder sb = new StringBuilder();
            int n = 100 + r.nextInt(2000);
            for (int i = 0; i < n; i++) {
                int k = r.nextInt(20);
                sb.append(
                        k == 0
                                ? '\n'
                                : k == 1
                                        ? '\u00e9'
                                        : k == 2
                                                ? '\u5bc6'
                                                : k == 3 && trial % 4 == 0
                                                        ? '\r'
                                                        : (char) ('a' + k));
            }
            byte[] a = sb.toString().getBytes(StandardCharsets.UTF_8);
            int target = r.nextInt(a.length);
            while (target > 0 && (a[target] & 0xC0) == 0x80) target--;
            LineIndex fast = new LineIndex(a, 0);
            fast.skipTo(target);
            LineIndex slow = new LineIndex(a, 0);
            slow.span(target, target);
            Position p = slow.span(target, target);
            assertEquals(p.line(), fast.line(), "trial " + trial);
            assertEquals(p.column() - 1, fast.column(), "trial " + trial);
        }
        assertEquals(
                3,
                LineIndex.count(
                        "a\nbb\nccccccccccccc\n".getBytes(StandardCharsets.UTF_8),
                        0,
                        19,
                        (byte) '\n'));
    }

    @Test
    void walkingBackAgreesWithAFreshCount() {
        java.util.Random r = new java.util.Random(11);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            int k = r.nextInt(16);
            sb.append(k == 0 ? '\n' : k == 1 ? '\r' : k == 2 ? '\u5bc6' : (char) ('a' + k));
        }
        byte[] a = sb.toString().getBytes(StandardCharsets.UTF_8);
        LineIndex moving = new LineIndex(a, 0, 500, 3, 4);
        for (int q = 0; q < 400; q++) {
            int at = r.nextInt(a.length);
            while (at > 0 && (a[at] & 0xC0) == 0x80) at--;
            Position expected = new LineIndex(a, 0, 500, 3, 4).span(at, at);
            Position got = moving.span(at, at);
            assertEquals(expected.line(), got.line(), "query " + q);
            assertEquals(expected.column(), got.column(), "query " + q);
        }
    }
}
