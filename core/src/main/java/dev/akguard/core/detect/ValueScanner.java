package dev.akguard.core.detect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the values that may belong to the IDs: 30-character secrets that something labels (a name,
 * a comment, their place right after an ID) and STS security tokens, only within the pairing window
 * around the IDs, so a file without IDs costs nothing here.
 */
final class ValueScanner {
    static final int STS_TOKEN_MIN = 100;

    /** STS AccessKey secrets (AssumeRole responses) are longer than a RAM user's 30 characters. */
    static final int STS_SECRET_MIN = 40, STS_SECRET_MAX = 44;

    private static final int MAX_PIECES = 8;

    private final DetectorOptions options;

    ValueScanner(DetectorOptions options) {
        this.options = options;
    }

    /**
     * 30-character labelled or adjacent values (40 to 44 when there is an STS ID), and STS tokens,
     * within the window around each ID; in offset order.
     */
    List<ValueHit> find(byte[] a, int from, int to, List<IdHit> ids) {
        List<ValueHit> out = new ArrayList<>();
        boolean stsSecrets = ids.stream().anyMatch(IdHit::sts);
        int[] idStarts = idStarts(ids);
        int window = options.windowBytes();
        int[] lineCursor = {
            from, 0
        }; // offset and line reached so far: regions come in order, so counting is one pass
        int regionStart = -1, regionEnd = -1;
        for (int k = 0; k <= ids.size(); k++) {
            int s =
                    k < ids.size()
                            ? Math.max(from, ids.get(k).start() - window)
                            : Integer.MAX_VALUE;
            if (k < ids.size() && s <= regionEnd) {
                regionEnd = Math.min(to, Math.max(regionEnd, ids.get(k).end() + window));
                continue;
            }
            if (regionStart >= 0)
                scanRegion(
                        a,
                        from,
                        to,
                        regionStart,
                        regionEnd,
                        ids,
                        idStarts,
                        out,
                        lineCursor,
                        stsSecrets);
            if (k < ids.size()) {
                regionStart = s;
                regionEnd = Math.min(to, ids.get(k).end() + window);
            }
        }
        return out;
    }

    private void scanRegion(
            byte[] a,
            int from,
            int to,
            int rs,
            int re,
            List<IdHit> ids,
            int[] idStarts,
            List<ValueHit> out,
            int[] lineCursor,
            boolean stsSecrets) {
        int line = lineCursor[1];
        for (int p = lineCursor[0]; p < rs; p++) if (a[p] == '\n') line++;
        int i = rs;
        while (i < re) {
            byte b = a[i];
            if (b == '\n') {
                line++;
                i++;
                continue;
            }
            if (!Bytes.alnum(b)) {
                i += escapeLength(a, i, re);
                continue;
            }
            int run = Bytes.alnumRun(a, i, to);
            int end = i + run;
            int tokEnd = i;
            if (run >= 4 && isTokenStart(a, i) && Bytes.leftBoundary(a, i, from)) {
                while (tokEnd < to && Bytes.stdBase64(a[tokEnd])) tokEnd++;
            }
            if (tokEnd - i >= STS_TOKEN_MIN) {
                // Checked before secrets: a token's leading alphanumeric run ("CAIS…" up to its
                // first '+' or '/')
                // is 30 characters long in about one token in seventy and must not pass for a
                // secret.
                out.add(new ValueHit(i, tokEnd, SecretContext.Label.TOKEN, -1, line));
                end = tokEnd;
            } else if ((run == 30 || (stsSecrets && run >= STS_SECRET_MIN && run <= STS_SECRET_MAX))
                    && Bytes.leftBoundary(a, i, from)
                    && Bytes.rightBoundary(a, end, to)
                    && Plausibility.plausibleSecret(a, i, end)) {
                ValueHit v = labelled(a, from, to, i, end, ids, idStarts, line, null);
                if (v != null) out.add(v);
            } else if (run < 30
                    && end < to
                    && (a[end] == '"' || a[end] == '\'')
                    && continuesLiteral(a, end, to)
                    && Bytes.leftBoundary(a, i, from)) {
                StringBuilder joined = new StringBuilder(30);
                int joinedEnd = joinedLiteral(a, i, end, to, joined);
                byte[] jb =
                        joinedEnd < 0
                                ? null
                                : joined.toString().getBytes(StandardCharsets.US_ASCII);
                if (jb != null && Plausibility.plausibleSecret(jb, 0, jb.length)) {
                    ValueHit v =
                            labelled(
                                    a,
                                    from,
                                    to,
                                    i,
                                    joinedEnd,
                                    ids,
                                    idStarts,
                                    line,
                                    joined.toString());
                    if (v != null) {
                        out.add(v);
                        end = joinedEnd;
                    }
                }
            }
            int stop = Math.min(end, re);
            for (int k = i; k < stop; k++) if (a[k] == '\n') line++;
            i = end;
        }
        // Runs may end past the region; count up to where we stopped so the next region starts
        // right.
        lineCursor[0] = Math.max(i, re);
        int extra = 0;
        for (int k = re; k < lineCursor[0]; k++) if (a[k] == '\n') extra++;
        lineCursor[1] = line + extra;
    }

    /** The value at [start, end) with why it is a secret, or null if nothing says it is one. */
    private static ValueHit labelled(
            byte[] a,
            int from,
            int to,
            int start,
            int end,
            List<IdHit> ids,
            int[] idStarts,
            int line,
            String joined) {
        SecretContext.Label label = SecretContext.labelOf(a, start, from);
        if (label == SecretContext.Label.TOKEN)
            label = SecretContext.Label.SECRET; // a 30-char value is no token
        int adjacent = adjacentId(a, ids, start);
        if (label == SecretContext.Label.NONE
                && adjacent < 0
                && (SecretContext.labelledByPreviousLine(a, start, from)
                        || SecretContext.namedByPreviousLine(a, start, from)
                        || SecretContext.underLabelLine(a, start, end, from, to))) {
            label = SecretContext.Label.SECRET;
        }
        if (label == SecretContext.Label.NONE
                && adjacent < 0
                && SecretContext.labelledAfter(a, end, to)) {
            label =
                    SecretContext.Label
                            .WEAK; // a trailing comment: trusted only right next to an ID
        }
        if (label == SecretContext.Label.NONE && adjacent < 0 && joined == null) {
            if (SecretContext.signingCallArgument(a, start, end, from, to))
                label = SecretContext.Label.SECRET;
            else if (SecretContext.sameShapeAsIdLine(a, start, end, from, to, idStarts))
                label = SecretContext.Label.WEAK; // structure: near an ID only
        }
        return label != SecretContext.Label.NONE || adjacent >= 0
                ? new ValueHit(start, end, label, adjacent, line, joined)
                : null;
    }

    /**
     * A 30-character value written as adjacent string literals, the way some code splits a secret
     * to get past scanners: {@code "ER51kMn" + "lmu3zXwcxczJ" + "MbYzJIgrY9O"} (Java, JS, C#,
     * Python {@code +}; PHP {@code .}; C and Python implicit concatenation), pieces up to two lines
     * apart. {@code firstEnd} is the first piece's closing quote. Appends the value to {@code text}
     * and returns the last piece's end, or -1.
     */
    private static int joinedLiteral(
            byte[] a, int start, int firstEnd, int to, StringBuilder text) {
        byte quote = a[firstEnd];
        text.append(new String(a, start, firstEnd - start, StandardCharsets.US_ASCII));
        int close = firstEnd;
        for (int pieces = 1; pieces < MAX_PIECES && text.length() < 30; pieces++) {
            int k = skipBlanks(a, close + 1, to);
            if (k < to && (a[k] == '+' || a[k] == '.')) k = skipBlanks(a, k + 1, to);
            if (k >= to || a[k] != quote) return -1;
            int run = Bytes.alnumRun(a, k + 1, to);
            int pieceEnd = k + 1 + run;
            if (run == 0 || pieceEnd >= to || a[pieceEnd] != quote) return -1;
            text.append(new String(a, k + 1, run, StandardCharsets.US_ASCII));
            close = pieceEnd;
        }
        return text.length() == 30 && close > firstEnd ? close : -1;
    }

    /**
     * Another literal with the same quote follows the one closing at {@code close}: checked before
     * building anything.
     */
    private static boolean continuesLiteral(byte[] a, int close, int to) {
        int k = skipBlanks(a, close + 1, to);
        if (k < to && (a[k] == '+' || a[k] == '.')) k = skipBlanks(a, k + 1, to);
        return k < to && a[k] == a[close];
    }

    /** Spaces, tabs and at most two line breaks. */
    private static int skipBlanks(byte[] a, int k, int to) {
        int lines = 0;
        while (k < to
                && (a[k] == ' ' || a[k] == '\t' || a[k] == '\r' || (a[k] == '\n' && ++lines <= 2)))
            k++;
        return k;
    }

    /** STS security tokens start "CAIS"; older ones (still in docs, samples and tests) "CAES". */
    private static boolean isTokenStart(byte[] a, int i) {
        return a[i] == 'C'
                && a[i + 1] == 'A'
                && (a[i + 2] == 'I' || a[i + 2] == 'E')
                && a[i + 3] == 'S';
    }

    /**
     * Length of an escape at {@code i} that ends in letters or digits ({@code \\n}, {@code %22},
     * {@code \\u0022}), so a value right after it starts its own alphanumeric run; 1 for any other
     * byte.
     */
    private static int escapeLength(byte[] a, int i, int limit) {
        byte b = a[i];
        if (b == '%' && i + 2 < limit && Bytes.hex(a[i + 1]) && Bytes.hex(a[i + 2])) return 3;
        if (b == '\\' && i + 1 < limit) {
            byte n = a[i + 1];
            if (n == 'n' || n == 't' || n == 'r') return 2;
            if (n == 'u'
                    && i + 5 < limit
                    && Bytes.hex(a[i + 2])
                    && Bytes.hex(a[i + 3])
                    && Bytes.hex(a[i + 4])
                    && Bytes.hex(a[i + 5])) return 6;
        }
        return 1;
    }

    private static int[] idStarts(List<IdHit> ids) {
        int[] starts = new int[ids.size()];
        for (int k = 0; k < starts.length; k++) starts[k] = ids.get(k).start();
        return starts;
    }

    /**
     * The closest ID ending before the value, if only argument punctuation lies between them; else
     * -1.
     */
    static int adjacentId(byte[] a, List<IdHit> ids, int valueStart) {
        int lo = 0, hi = ids.size() - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ids.get(mid).end() <= valueStart) {
                found = mid;
                lo = mid + 1;
            } else hi = mid - 1;
        }
        if (found >= 0 && SecretContext.adjacentAfter(a, ids.get(found).end(), valueStart))
            return found;
        return -1;
    }
}
