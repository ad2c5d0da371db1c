package dev.akguard.git.scan;

import dev.akguard.core.source.TextContent;
import java.util.Arrays;
import org.eclipse.jgit.diff.RawText;

/**
 * A blob as the engine sees it (BOM skipped, UTF-16 transcoded) and as the differ sees it, so that
 * a finding's byte offset maps onto the same line the diff talks about. Lines are split on '\n'
 * only, like git's diff.
 */
final class TextLines {
    private final byte[] a;
    private final int from, to;
    private final boolean binary;
    private RawText raw;
    private int[] lineStarts;

    private TextLines(byte[] a, int from, int to, boolean binary) {
        this.a = a;
        this.from = from;
        this.to = to;
        this.binary = binary;
    }

    static TextLines of(byte[] bytes) {
        TextContent t = TextContent.of(bytes, 0, bytes.length);
        return new TextLines(t.bytes(), t.from(), t.to(), t.binary());
    }

    boolean binary() {
        return binary;
    }

    RawText raw() {
        if (raw == null)
            raw = new RawText(from == 0 && to == a.length ? a : Arrays.copyOfRange(a, from, to));
        return raw;
    }

    /** 0-based line of a byte offset into the engine's view of the content. */
    int lineOf(long offset) {
        if (lineStarts == null) {
            int n = 1;
            for (int i = from; i < to; i++) if (a[i] == '\n') n++;
            lineStarts = new int[n];
            int k = 1;
            for (int i = from; i < to; i++) if (a[i] == '\n') lineStarts[k++] = i + 1;
            lineStarts[0] = from;
        }
        int idx = Arrays.binarySearch(lineStarts, (int) Math.max(from, Math.min(offset, to)));
        return idx >= 0 ? idx : -idx - 2;
    }
}
