package dev.akguard.lsp.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

class TextDocumentTest {

    @Test
    void incrementalEditsKeepTheSameLineTableAsAFullRescan() {
        Random r = new Random(42);
        String alphabet = "ab\n\r\r\n x😀";
        TextDocument d =
                TextDocument.of("file:///t.txt", "plaintext", 0, "start\r\nline two\rthree\n");
        for (int i = 1; i <= 3000; i++) {
            int a = r.nextInt(d.text().length() + 1),
                    b = Math.min(d.text().length(), a + r.nextInt(6));
            // an offset between \r and \n has no LSP position; such a range cannot be sent by a
            // client
            if (d.offsetAt(d.positionAt(a)) != a || d.offsetAt(d.positionAt(b)) != b) {
                i--;
                continue;
            }
            StringBuilder ins = new StringBuilder();
            for (int k = r.nextInt(5); k > 0; k--)
                ins.append(alphabet.charAt(r.nextInt(alphabet.length())));
            Range range = new Range(d.positionAt(a), d.positionAt(b));
            TextDocument next =
                    d.apply(List.of(new TextDocumentContentChangeEvent(range, ins.toString())), i);
            String expected = d.text().substring(0, a) + ins + d.text().substring(b);
            TextDocument fresh = TextDocument.of(d.uri(), d.languageId(), i, expected);
            assertEquals(expected, next.text(), "text after edit " + i);
            assertEquals(
                    fresh.lineCount(),
                    next.lineCount(),
                    "line count after edit " + i + " of " + escape(expected));
            for (int l = 0; l < fresh.lineCount(); l++) {
                assertEquals(
                        fresh.lineStart(l),
                        next.lineStart(l),
                        "start of line " + l + " after edit " + i);
                assertEquals(fresh.lineText(l), next.lineText(l));
            }
            assertEquals(i, next.version());
            d = next;
        }
    }

    @Test
    void positionsOutsideTheTextAreClamped() {
        TextDocument d = TextDocument.of("file:///t.txt", "plaintext", 1, "abc\ndef\n");
        assertEquals(
                2,
                d.offsetAt(new Position(0, 99)) - 1,
                "column past the end of line 0 goes to its end (offset 3)");
        assertEquals(
                8,
                d.offsetAt(new Position(50, 0)),
                "line past the end goes to the end of the text");
        assertEquals(0, d.offsetAt(new Position(-1, -5)));
        TextDocument e =
                d.apply(
                        List.of(
                                new TextDocumentContentChangeEvent(
                                        new Range(new Position(7, 3), new Position(1000, 1000)),
                                        "X")),
                        2);
        assertEquals("abc\ndef\nX", e.text());
        TextDocument f =
                d.apply(
                        List.of(
                                new TextDocumentContentChangeEvent(
                                        new Range(new Position(1, 2), new Position(0, 1)), "-")),
                        3);
        assertEquals("a-f\n", f.text(), "a reversed range is treated as start..end");
    }

    @Test
    void fullReplacementAndSurrogatePairsUseUtf16Units() {
        TextDocument d = TextDocument.of("file:///t.txt", "plaintext", 1, "x");
        d = d.apply(List.of(new TextDocumentContentChangeEvent("😀ab\nc")), 2);
        assertEquals(new Position(0, 3), d.positionAt(3), "the emoji is two UTF-16 units");
        assertEquals(new Position(1, 1), d.positionAt(d.text().length()));
    }

    private static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }
}
