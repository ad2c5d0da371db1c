package dev.akguard.testkit.github;

import java.util.ArrayList;
import java.util.List;

/**
 * Produces the per-file patch text GitHub puts in {@code files[].patch}: unified-diff hunks with
 * three lines of context and no file header. Uses an LCS over lines after trimming the common
 * prefix and suffix, which is plenty for test-sized files.
 */
final class UnifiedDiff {

    private static final int CONTEXT = 3;

    private record Op(char kind, String text, int oldLine, int newLine) {}

    private UnifiedDiff() {}

    static String patch(String oldText, String newText) {
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        List<Op> ops = editScript(a, b);
        boolean oldNoEol = !oldText.isEmpty() && !oldText.endsWith("\n");
        boolean newNoEol = !newText.isEmpty() && !newText.endsWith("\n");
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end;
            int lastChange = i; // extend the hunk while the next change is within two contexts

            for (int j = i; j < ops.size(); j++) {
                if (ops.get(j).kind != ' ') lastChange = j;
                else if (j - lastChange > 2 * CONTEXT) break;
            }
            end = Math.min(ops.size(), lastChange + CONTEXT + 1);
            appendHunk(out, ops.subList(start, end), a.size(), b.size(), oldNoEol, newNoEol);
            i = end;
        }
        return out.toString();
    }

    private static void appendHunk(
            StringBuilder out,
            List<Op> hunk,
            int oldSize,
            int newSize,
            boolean oldNoEol,
            boolean newNoEol) {
        int oldCount = 0, newCount = 0, oldStart = -1, newStart = -1;
        for (Op op : hunk) {
            if (op.kind != '+') {
                oldCount++;
                if (oldStart < 0) oldStart = op.oldLine;
            }
            if (op.kind != '-') {
                newCount++;
                if (newStart < 0) newStart = op.newLine;
            }
        }
        // An empty side is written as the line before the hunk, as diff(1) does.
        Op first = hunk.get(0);
        if (oldStart < 0) oldStart = first.oldLine - 1;
        if (newStart < 0) newStart = first.newLine - 1;
        out.append("@@ -")
                .append(range(oldStart, oldCount))
                .append(" +")
                .append(range(newStart, newCount))
                .append(" @@\n");
        for (Op op : hunk) {
            out.append(op.kind).append(op.text).append('\n');
            if (op.kind != '+' && oldNoEol && op.oldLine == oldSize)
                out.append("\\ No newline at end of file\n");
            else if (op.kind == '+' && newNoEol && op.newLine == newSize)
                out.append("\\ No newline at end of file\n");
        }
    }

    private static String range(int start, int count) {
        return count == 1 ? Integer.toString(start) : start + "," + count;
    }

    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text.isEmpty()) return lines;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(from, i));
                from = i + 1;
            }
        }
        if (from < text.length()) lines.add(text.substring(from));
        return lines;
    }

    /**
     * Ops carry 1-based line numbers; for an insertion oldLine is the next old line, and vice
     * versa.
     */
    private static List<Op> editScript(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix)))
            prefix++;
        int suffix = 0;
        while (suffix < a.size() - prefix
                && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) suffix++;
        int n = a.size() - prefix - suffix, m = b.size() - prefix - suffix;
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] =
                        a.get(prefix + i).equals(b.get(prefix + j))
                                ? lcs[i + 1][j + 1] + 1
                                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        for (int k = 0; k < prefix; k++) ops.add(new Op(' ', a.get(k), k + 1, k + 1));
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(prefix + i).equals(b.get(prefix + j))) {
                ops.add(new Op(' ', a.get(prefix + i), prefix + i + 1, prefix + j + 1));
                i++;
                j++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                ops.add(new Op('+', b.get(prefix + j), prefix + i + 1, prefix + j + 1));
                j++;
            } else {
                ops.add(new Op('-', a.get(prefix + i), prefix + i + 1, prefix + j + 1));
                i++;
            }
        }
        for (int k = 0; k < suffix; k++) {
            int ao = a.size() - suffix + k, bo = b.size() - suffix + k;
            ops.add(new Op(' ', a.get(ao), ao + 1, bo + 1));
        }
        return ops;
    }
}
