package dev.akguard.monitor.verify;

import dev.akguard.core.finding.Finding;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the security token that belongs to leaked STS credentials ({@code STS.} IDs), so they can
 * be checked: without it an STS key cannot sign a request. The engine pairs an STS ID with its
 * secret; the token is the nearest {@code CAIS…}/{@code CAES…} base64 run of at least 100
 * characters within a few lines of the ID, in the same text the finding came from. The token is a
 * secret: callers keep it in memory only.
 */
public final class StsTokens {
    private static final Pattern TOKEN =
            Pattern.compile("(?<![A-Za-z0-9+/])CA[IE]S[A-Za-z0-9+/=]{96,}");

    /**
     * How far from the ID's line a token may sit (a credentials block, a JSON object, an env file).
     */
    static final int MAX_LINES = 20;

    private StsTokens() {}

    /**
     * @param text the text the finding was scanned from
     * @param firstLine the 1-based file line of {@code text}'s first line (1 for a whole file)
     * @return the token, or null (not STS credentials, or no token near the ID)
     */
    public static String near(CharSequence text, int firstLine, Finding f) {
        if (f.accessKeyId() == null || !f.accessKeyId().startsWith("STS.")) return null;
        int idLine = f.id().line();
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int line = firstLine;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && text.charAt(i) != '\n') continue;
            int d = Math.abs(line - idLine);
            if (d <= MAX_LINES && d < bestDistance) {
                Matcher m = TOKEN.matcher(text.subSequence(start, i));
                if (m.find()) {
                    best = m.group();
                    bestDistance = d;
                }
            }
            if (line > idLine + MAX_LINES) break;
            line++;
            start = i + 1;
        }
        return best;
    }
}
