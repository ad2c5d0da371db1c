package dev.akguard.monitor.watch;

import dev.akguard.core.change.AddedLines;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The new side of a unified-diff patch as GitHub sends it in {@code files[].patch}: its hunks (the
 * new file's lines the patch shows, added or context, at their real line numbers), the lines it
 * adds (a source of {@link AddedLines} for the one change rule), and whether it was cut short.
 * Nothing is allocated per line the patch does not show, so a hunk header claiming line
 * 1,500,000,000 costs nothing (a poison patch cannot exhaust memory).
 */
public final class PatchLines {

    private static final Pattern HUNK =
            Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@");

    /**
     * Consecutive new-side lines starting at 1-based line {@code start}; {@code added[i]} for lines
     * the change adds.
     */
    public record Hunk(int start, List<String> lines, boolean[] added) {
        public String text() {
            return String.join("\n", lines);
        }
    }

    private final List<Hunk> hunks;
    private final AddedLines added;
    private final boolean truncated;

    private PatchLines(List<Hunk> hunks, AddedLines added, boolean truncated) {
        this.hunks = hunks;
        this.added = added;
        this.truncated = truncated;
    }

    public static PatchLines parse(String patch) {
        List<Hunk> hunks = new ArrayList<>();
        AddedLines.Builder added = new AddedLines.Builder();
        boolean truncated = false;
        long newLine = 0;
        long newRemaining = 0, oldRemaining = 0;
        boolean inHunk = false;
        List<String> lines = null;
        List<Boolean> flags = null;
        long start = 0;
        int from = 0;
        int len = patch.length();
        while (from < len) {
            int nl = patch.indexOf('\n', from);
            int end = nl < 0 ? len : nl;
            String line =
                    patch.substring(
                            from, end > from && patch.charAt(end - 1) == '\r' ? end - 1 : end);
            from = nl < 0 ? len : nl + 1;
            if (line.startsWith("@@")) {
                if (inHunk && (newRemaining > 0 || oldRemaining > 0)) truncated = true;
                if (lines != null && !lines.isEmpty()) hunks.add(hunk(start, lines, flags));
                Matcher m = HUNK.matcher(line);
                if (!m.find() || m.group(3).length() > 10) {
                    truncated = true;
                    inHunk = false;
                    lines = null;
                    continue;
                }
                oldRemaining = m.group(2) == null ? 1 : Long.parseLong(m.group(2));
                newLine = Long.parseLong(m.group(3));
                newRemaining = m.group(4) == null ? 1 : Long.parseLong(m.group(4));
                if (newRemaining == 0) newLine++; // "+N,0" names the line before an empty range
                if (newLine + newRemaining > Integer.MAX_VALUE) {
                    truncated = true;
                    inHunk = false;
                    lines = null;
                    continue;
                }
                inHunk = true;
                start = newLine;
                lines = new ArrayList<>();
                flags = new ArrayList<>();
                continue;
            }
            if (!inHunk || line.startsWith("\\")) continue;
            char kind = line.isEmpty() ? ' ' : line.charAt(0);
            String body = line.isEmpty() ? "" : line.substring(1);
            switch (kind) {
                case '+' -> {
                    added.add((int) newLine, (int) newLine + 1);
                    lines.add(body);
                    flags.add(true);
                    newLine++;
                    newRemaining--;
                }
                case '-' -> oldRemaining--;
                case ' ' -> {
                    lines.add(body);
                    flags.add(false);
                    newLine++;
                    newRemaining--;
                    oldRemaining--;
                }
                default -> truncated = true;
            }
        }
        if (inHunk && (newRemaining > 0 || oldRemaining > 0)) truncated = true;
        if (lines != null && !lines.isEmpty()) hunks.add(hunk(start, lines, flags));
        return new PatchLines(List.copyOf(hunks), added.build(), truncated);
    }

    private static Hunk hunk(long start, List<String> lines, List<Boolean> flags) {
        boolean[] a = new boolean[flags.size()];
        for (int i = 0; i < a.length; i++) a[i] = flags.get(i);
        return new Hunk((int) start, List.copyOf(lines), a);
    }

    public List<Hunk> hunks() {
        return hunks;
    }

    /** The 1-based new-file lines the change adds. */
    public AddedLines added() {
        return added;
    }

    /** Whether the 1-based new-file line was added by the change. */
    public boolean isAdded(int line) {
        return line >= 1 && added.contains(line);
    }

    public boolean hasAddedLines() {
        return !added.isEmpty();
    }

    /** The hunk headers promised more lines than the text holds, or a header was unreadable. */
    public boolean truncated() {
        return truncated;
    }
}
