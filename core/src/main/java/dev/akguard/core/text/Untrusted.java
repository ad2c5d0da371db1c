package dev.akguard.core.text;

/**
 * Makes text from outside (file names, commit authors, anything from GitHub or ActionTrail) inert
 * before it is printed: C0 and C1 control characters, DEL, line and paragraph separators and the
 * bidi controls are shown as escapes ({@code ESC} as {@code \e}, a newline as {@code \n}, others as
 * {@code \xNN} or &#92;uNNNN), so a name can neither drive the terminal (clear the screen, set the
 * title, colour) nor forge a line or reorder what is shown. Everything else, including non-ASCII
 * letters, is kept as it is.
 */
public final class Untrusted {
    private Untrusted() {}

    /**
     * For one-line fields (table cells, report lines, paths): every control character is escaped,
     * newlines too.
     */
    public static String inline(CharSequence s) {
        if (s == null) return null;
        int n = s.length();
        int i = 0;
        while (i < n && !needsEscape(s.charAt(i))) i++;
        if (i == n) return s.toString();
        StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) append(b, s.charAt(i));
        return b.toString();
    }

    /**
     * For free text that may span lines (a note, a message body): newlines and tabs are kept, the
     * rest as {@link #inline}.
     */
    public static String multiline(CharSequence s) {
        if (s == null) return null;
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') b.append(c);
            else if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n')
                continue; // CRLF is a newline
            else append(b, c);
        }
        return b.toString();
    }

    /** True when {@code c} would be escaped by {@link #inline}. */
    public static boolean needsEscape(char c) {
        return c < 0x20
                || (c >= 0x7f && c <= 0x9f)
                || isBidiControl(c)
                || c == '\u2028'
                || c == '\u2029';
    }

    /** The explicit directional formatting characters (embeddings, overrides, isolates, marks). */
    static boolean isBidiControl(char c) {
        return (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e'
                || c == '\u200f'
                || c == '\u061c';
    }

    private static void append(StringBuilder b, char c) {
        if (!needsEscape(c)) {
            b.append(c);
            return;
        }
        switch (c) {
            case '\u001b' -> b.append("\\e");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            default -> {
                if (c <= 0xff)
                    b.append("\\x")
                            .append(Character.forDigit(c >> 4, 16))
                            .append(Character.forDigit(c & 0xf, 16));
                else b.append(String.format("\\u%04x", (int) c));
            }
        }
    }
}
