package dev.akguard.lsp.document;

import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * An immutable snapshot of an open document: its text, version and line starts. Offsets are Java
 * {@code char} indexes, which are the UTF-16 code units LSP positions count by default. Positions
 * from the client that fall outside the text are clamped rather than rejected, because a client and
 * server that disagree by one line (a common bug in editors) should degrade to a slightly wrong
 * edit, not to a crashed session.
 */
public final class TextDocument {
    private final String uri;
    private final String languageId;
    private final int version;
    private final String text;

    /**
     * Offsets at which lines start; {@code lineStarts[0] == 0}. Line breaks are \n, \r\n and a lone
     * \r.
     */
    private final int[] lineStarts;

    private final int lineCount;

    private TextDocument(
            String uri,
            String languageId,
            int version,
            String text,
            int[] lineStarts,
            int lineCount) {
        this.uri = uri;
        this.languageId = languageId;
        this.version = version;
        this.text = text;
        this.lineStarts = lineStarts;
        this.lineCount = lineCount;
    }

    public static TextDocument of(String uri, String languageId, int version, String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int q = 1; q <= text.length(); q++) {
            if (isLineStart(text, q)) {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = q;
            }
        }
        return new TextDocument(uri, languageId, version, text, starts, n);
    }

    public String uri() {
        return uri;
    }

    public String languageId() {
        return languageId;
    }

    public int version() {
        return version;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineCount;
    }

    /** Applies the changes in order (each range refers to the text left by the previous one). */
    public TextDocument apply(List<TextDocumentContentChangeEvent> changes, int newVersion) {
        TextDocument d = this;
        for (TextDocumentContentChangeEvent c : changes) {
            String inserted = c.getText() == null ? "" : c.getText();
            if (c.getRange() == null) d = of(uri, languageId, newVersion, inserted);
            else
                d =
                        d.replace(
                                d.offsetAt(c.getRange().getStart()),
                                d.offsetAt(c.getRange().getEnd()),
                                inserted,
                                newVersion);
        }
        return d.version == newVersion ? d : d.withVersion(newVersion);
    }

    private TextDocument withVersion(int v) {
        return new TextDocument(uri, languageId, v, text, lineStarts, lineCount);
    }

    /**
     * Replaces {@code [start, end)} and updates the line table without rescanning the whole text:
     * line starts before the edit are kept, those after it are shifted, and only the inserted
     * region is scanned. (A line start at q depends only on the chars at q-1 and q, so starts
     * strictly before {@code start} and strictly after {@code end} are unaffected.)
     */
    TextDocument replace(int start, int end, String inserted, int newVersion) {
        if (start > end) {
            int t = start;
            start = end;
            end = t;
        }
        String newText =
                new StringBuilder(text.length() - (end - start) + inserted.length())
                        .append(text, 0, start)
                        .append(inserted)
                        .append(text, end, text.length())
                        .toString();
        int delta = inserted.length() - (end - start);
        int keep = lowerBound(lineStarts, lineCount, start); // starts < start
        int firstAfter = lowerBound(lineStarts, lineCount, end + 1); // starts > end
        int[] starts = new int[keep + (lineCount - firstAfter) + countLineBreaks(inserted) + 2];
        System.arraycopy(lineStarts, 0, starts, 0, keep);
        int n = keep;
        if (n == 0) starts[n++] = 0;
        int from = Math.max(start, 1), to = start + inserted.length();
        for (int q = from; q <= to; q++) if (isLineStart(newText, q)) starts[n++] = q;
        for (int i = firstAfter; i < lineCount; i++) starts[n++] = lineStarts[i] + delta;
        return new TextDocument(uri, languageId, newVersion, newText, starts, n);
    }

    private static int countLineBreaks(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') n++;
        }
        return n;
    }

    private static boolean isLineStart(String t, int q) {
        if (q <= 0 || q > t.length()) return false;
        char p = t.charAt(q - 1);
        return p == '\n' || (p == '\r' && (q == t.length() || t.charAt(q) != '\n'));
    }

    /** First index i in a[0, n) with a[i] >= key. */
    private static int lowerBound(int[] a, int n, int key) {
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /**
     * Offset of a position, clamped into the text: negative values go to 0, a line past the end to
     * the end, a column past the line's end to the line's end.
     */
    public int offsetAt(Position p) {
        int line = p.getLine();
        if (line < 0) return 0;
        if (line >= lineCount) return text.length();
        int col = Math.max(0, p.getCharacter());
        return lineStarts[line] + Math.min(col, lineLength(line));
    }

    /** Length of the line's content, without its line break. */
    public int lineLength(int line) {
        int s = lineStarts[line];
        int e = line + 1 < lineCount ? lineStarts[line + 1] : text.length();
        while (e > s && (text.charAt(e - 1) == '\n' || text.charAt(e - 1) == '\r')) e--;
        return e - s;
    }

    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineCount - 1))];
    }

    /** The line's content without its line break (clamped to the document). */
    public String lineText(int line) {
        int l = Math.max(0, Math.min(line, lineCount - 1));
        return text.substring(lineStarts[l], lineStarts[l] + lineLength(l));
    }

    public Position positionAt(int offset) {
        int o = Math.max(0, Math.min(offset, text.length()));
        int line = lowerBound(lineStarts, lineCount, o + 1) - 1;
        return new Position(line, o - lineStarts[line]);
    }

    /** The range clamped into the document (start before end). */
    public Range clamp(Range r) {
        int a = offsetAt(r.getStart()), b = offsetAt(r.getEnd());
        return new Range(positionAt(Math.min(a, b)), positionAt(Math.max(a, b)));
    }

    @Override
    public String toString() {
        return uri + "@" + version + " (" + text.length() + " chars, " + lineCount + " lines)";
    }
}
