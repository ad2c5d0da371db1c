package dev.akguard.cli.monitor;

import dev.akguard.core.text.DisplayWidth;
import dev.akguard.core.text.Untrusted;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain left-aligned text table: a header row and columns padded to their widest cell. Cells hold
 * repository names, paths, authors and ActionTrail strings, i.e. text anyone can choose: each is
 * escaped with {@link Untrusted} (no terminal control sequences, no forged rows), and columns are
 * measured in terminal columns, so CJK names (two columns per character) keep the table aligned.
 */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... header) {
        rows.add(header);
    }

    TextTable row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++)
            r[i] = cells[i] == null ? "-" : Untrusted.inline(String.valueOf(cells[i]));
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.size() == 1;
    }

    void print(PrintWriter out) {
        int cols = rows.get(0).length;
        int[] width = new int[cols];
        for (String[] r : rows)
            for (int i = 0; i < cols; i++) width[i] = Math.max(width[i], DisplayWidth.of(r[i]));
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                if (i > 0) sb.append("  ");
                sb.append(i == cols - 1 ? r[i] : DisplayWidth.padRight(r[i], width[i]));
            }
            out.println(sb.toString().stripTrailing());
        }
        out.flush();
    }
}
