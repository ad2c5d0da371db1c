package dev.akguard.core.detect;

import dev.akguard.core.finding.Position;

/**
 * Turns byte offsets into 1-based lines and UTF-16 columns, counting forward from the last offset
 * it was asked about, so a file's findings (asked for in order) cost one pass over the bytes up to
 * the last one. Line breaks are \n, \r\n and a lone \r, as in LSP.
 */
public final class LineIndex {
    private final byte[] a;
    private final long baseOffset;
    private final int startPos, startLine, startCol;
    private int pos;
    private int line;
    private int column; // 0-based, UTF-16 units since the line start

    /**
     * @param a the buffer
     * @param from where counting starts
     * @param baseOffset absolute offset of {@code a[from]} in the file (for chunked files)
     * @param firstLine 1-based line at {@code from}
     * @param firstCol 0-based UTF-16 column at {@code from}
     */
    public LineIndex(byte[] a, int from, long baseOffset, int firstLine, int firstCol) {
        this.a = a;
        this.pos = from;
        this.baseOffset = baseOffset - from;
        this.line = firstLine;
        this.column = firstCol;
        this.startPos = from;
        this.startLine = firstLine;
        this.startCol = firstCol;
    }

    public LineIndex(byte[] a, int from) {
        this(a, from, from, 1, 0);
    }

    /**
     * Advances to {@code offset}; going backwards walks back (a secret before its ID), never from
     * the beginning.
     */
    private void advance(int offset) {
        if (offset < pos) retreat(offset);
        for (; pos < offset; pos++) {
            int b = a[pos] & 0xff;
            if (b == '\n') {
                if (pos == startPos || a[pos - 1] != '\r') line++; // the \r of \r\n already counted
                column = 0;
                continue;
            }
            if (b == '\r') {
                line++;
                column = 0;
                continue;
            }
            if ((b & 0xC0) == 0x80) continue; // UTF-8 continuation byte
            column += b >= 0xF0 ? 2 : 1; // 4-byte sequences are surrogate pairs in UTF-16
        }
    }

    /**
     * Moves back to {@code offset < pos}: the line breaks in between are uncounted, and the column
     * is counted again from the start of that line. Costs the distance plus one line, so findings
     * whose secret comes before the ID stay linear.
     */
    private void retreat(int offset) {
        int breaks = 0, units = 0;
        for (int p = offset; p < pos; p++) {
            int b = a[p] & 0xff;
            if (b == '\r' || (b == '\n' && (p == startPos || a[p - 1] != '\r'))) breaks++;
            else if (b != '\n' && (b & 0xC0) != 0x80) units += b >= 0xF0 ? 2 : 1;
        }
        if (breaks
                == 0) { // same line: only the columns in between go (one huge minified line stays
            // cheap)
            column -= units;
            pos = offset;
            return;
        }
        line -= breaks;
        int ls = offset;
        while (ls > startPos && a[ls - 1] != '\n' && a[ls - 1] != '\r') ls--;
        column = ls == startPos ? startCol : 0;
        for (int p = ls; p < offset; p++) {
            int b = a[p] & 0xff;
            if ((b & 0xC0) == 0x80) continue;
            column += b >= 0xF0 ? 2 : 1;
        }
        pos = offset;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /**
     * Position of {@code a[start, end)}; cheapest when called in increasing {@code start} order.
     */
    public Position span(int start, int end) {
        advance(start);
        int l1 = line, c1 = column;
        int savedPos = pos, savedLine = line, savedCol = column;
        advance(end);
        Position p =
                new Position(l1, c1 + 1, line, column + 1, baseOffset + start, baseOffset + end);
        pos = savedPos;
        line = savedLine;
        column = savedCol;
        return p;
    }

    /**
     * Line numbers and columns up to {@code offset} without producing a position (chunk bookkeeping
     * for huge files). Without carriage returns, newlines are counted eight bytes at a time and
     * only the bytes after the last newline are walked for the column, so this costs a fraction of
     * a byte-by-byte pass.
     */
    public void skipTo(int offset) {
        if (offset < pos) {
            pos = startPos;
            line = startLine;
            column = startCol;
        }
        if (offset - pos > 64 && count(a, pos, offset, (byte) '\r') == 0) {
            int newlines = count(a, pos, offset, (byte) '\n');
            if (newlines > 0) {
                int last = offset - 1;
                while (a[last] != '\n') last--;
                line += newlines;
                column = 0;
                pos = last + 1;
            }
        }
        advance(offset);
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
                    long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    /**
     * Occurrences of {@code b} in {@code a[from, to)}, eight bytes per step (exact zero-byte mask,
     * no borrows).
     */
    static int count(byte[] a, int from, int to, byte b) {
        long pattern = (b & 0xffL) * 0x0101010101010101L;
        int n = 0, i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(a, i) ^ pattern;
            long nonZeroHigh = ((x & LOW7) + LOW7) | x;
            n += Long.bitCount(~nonZeroHigh & 0x8080808080808080L);
        }
        for (; i < to; i++) if (a[i] == b) n++;
        return n;
    }
}
