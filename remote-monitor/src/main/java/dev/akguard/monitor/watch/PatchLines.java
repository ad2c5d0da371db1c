package dev.akguard.monitor.watch;

import java.util.BitSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The new side of a unified-diff patch as GitHub sends it in {@code files[].patch}: which lines of the new file
 * the patch shows (added or context), which were added, and whether the patch was cut short. The post-image
 * text it rebuilds keeps every line at its real line number (lines the patch does not show are blank), so the
 * engine's line numbers are file line numbers and ID/secret distances stay true.
 */
public final class PatchLines {

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

    private final String[] lines;
    private final BitSet added;
    private final boolean truncated;

    private PatchLines(String[] lines, BitSet added, boolean truncated) {
        this.lines = lines;
        this.added = added;
        this.truncated = truncated;
    }

    public static PatchLines parse(String patch) {
        java.util.List<String> text = new java.util.ArrayList<>();
        BitSet added = new BitSet();
        boolean truncated = false;
        int newLine = 0, newRemaining = 0, oldRemaining = 0;
        boolean inHunk = false;
        int from = 0;
        int len = patch.length();
        while (from < len) {
            int nl = patch.indexOf('\n', from);
            int end = nl < 0 ? len : nl;
            String line = patch.substring(from, end > from && patch.charAt(end - 1) == '\r' ? end - 1 : end);
            from = nl < 0 ? len : nl + 1;
            if (line.startsWith("@@")) {
                if (inHunk && (newRemaining > 0 || oldRemaining > 0)) truncated = true;
                Matcher m = HUNK.matcher(line);
                if (!m.find()) { truncated = true; inHunk = false; continue; }
                oldRemaining = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
                newLine = Integer.parseInt(m.group(3));
                newRemaining = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
                if (newRemaining == 0) newLine++; // "+N,0" names the line before an empty range
                inHunk = true;
                continue;
            }
            if (!inHunk || line.startsWith("\\")) continue;
            char kind = line.isEmpty() ? ' ' : line.charAt(0);
            String body = line.isEmpty() ? "" : line.substring(1);
            switch (kind) {
                case '+' -> { set(text, newLine, body); added.set(newLine); newLine++; newRemaining--; }
                case '-' -> oldRemaining--;
                case ' ' -> { set(text, newLine, body); newLine++; newRemaining--; oldRemaining--; }
                default -> truncated = true;
            }
        }
        if (inHunk && (newRemaining > 0 || oldRemaining > 0)) truncated = true;
        return new PatchLines(text.toArray(new String[0]), added, truncated);
    }

    private static void set(java.util.List<String> text, int line, String body) {
        while (text.size() < line) text.add("");
        text.set(line - 1, body);
    }

    /** The new file's text as far as the patch shows it, one line per file line, gaps blank. */
    public String postImage() { return String.join("\n", lines); }

    /** Whether the 1-based new-file line was added by the change. */
    public boolean isAdded(int line) { return line >= 0 && added.get(line); }

    public boolean hasAddedLines() { return !added.isEmpty(); }

    /** The hunk headers promised more lines than the text holds. */
    public boolean truncated() { return truncated; }
}
