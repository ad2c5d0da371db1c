package dev.akguard.core.detect;

import dev.akguard.core.finding.Rule;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Finds AccessKey IDs, their secrets and STS credentials in a byte buffer. Stateless and thread-safe.
 *
 * <p>Stages, cheapest first: the {@link Prefilter} finds the few places worth a look; each literal hit is
 * validated as an ID (exact length, bounded, plausible); only then are 30-character secrets looked for, and
 * only within the pairing window around the IDs; {@link Pairing} matches them. Base64 hits are decoded into
 * a view in which the same stages run again, so keys inside Kubernetes Secrets and encoded blobs are found
 * with positions mapped back onto the encoded text.
 */
public final class Detector {
    private static final int MAX_DECODE_DEPTH = 2;
    private static final int MIN_BASE64_RUN = 16;
    private static final int STS_TOKEN_MIN = 100;

    private final DetectorOptions options;

    public Detector(DetectorOptions options) { this.options = options; }

    public Detector() { this(DetectorOptions.DEFAULT); }

    /** All matches in {@code a[from, to)}, ordered by ID offset. */
    public List<Match> detect(byte[] a, int from, int to) {
        List<Match> out = detect(a, from, to, 0);
        out.sort(Comparator.comparingInt(Match::idStart));
        return out;
    }

    private record IdHit(int start, int end, boolean sts) { }

    /** {@code label}: SECRET or TOKEN for a labelled value; {@code adjacentTo}: the ID it directly follows, or -1. */
    private record ValueHit(int start, int end, SecretContext.Label label, int adjacentTo, int line, String joined) {
        ValueHit(int start, int end, SecretContext.Label label, int adjacentTo, int line) { this(start, end, label, adjacentTo, line, null); }

        /** The value's length: a value split into several string literals is longer in the text than its characters. */
        int length() { return joined != null ? joined.length() : end - start; }
    }

    private List<Match> detect(byte[] a, int from, int to, int depth) {
        IntList ltai = new IntList(), sts = new IntList(), b64 = new IntList();
        Prefilter pf = Prefilter.DEFAULT;
        pf.find(a, from, to, (off, n) -> {
            switch (pf.kind(n)) {
                case ACCESS_KEY_ID -> ltai.add(off);
                case STS_ID -> sts.add(off);
                case BASE64 -> b64.add(off);
            }
        });
        if (ltai.size == 0 && sts.size == 0 && b64.size == 0) return new ArrayList<>();

        List<IdHit> ids = new ArrayList<>();
        for (int k = 0; k < ltai.size; k++) {
            int off = ltai.get(k);
            int run = Bytes.alnumRun(a, off + 4, Math.min(to, off + 4 + 21)); // capped: a run of prefixes stays linear
            if ((run == 20 || run == 12) && acceptableId(a, off, off + 4 + run, from, to)) ids.add(new IdHit(off, off + 4 + run, false));
        }
        for (int k = 0; k < sts.size; k++) {
            int off = sts.get(k);
            int run = Bytes.alnumRun(a, off + 4, Math.min(to, off + 4 + 65));
            if (run >= 16 && run <= 64 && acceptableId(a, off, off + 4 + run, from, to)) ids.add(new IdHit(off, off + 4 + run, true));
        }
        ids.sort(Comparator.comparingInt(IdHit::start));
        List<Match> matches = ids.isEmpty() ? new ArrayList<>() : pairUp(a, from, to, ids, "plain");
        if (b64.size > 0 && depth < MAX_DECODE_DEPTH) {
            List<Match> decoded = decodeBase64(a, from, to, b64, depth);
            merge(matches, decoded);
        }
        return matches;
    }

    private boolean acceptableId(byte[] a, int start, int end, int from, int to) {
        return Bytes.leftBoundary(a, start, from) && Bytes.rightBoundary(a, end, to)
                && Plausibility.plausibleIdBody(a, start + 4, end)
                && !maskedOrTruncated(a, end, to)
                && !insideBase64Blob(a, start, end, from, to)
                && !inPresignedUrl(a, start, end, from, to);
    }

    /**
     * A key shown partly: "LTAI5tAbCdEfGhIj********" (docs, masked UIs, test expectations) or cut short with
     * "..." / "…". Its visible part can be exactly a legacy ID's length; nothing real ends in a mask. The check
     * looks only at what follows the key, never at its characters, so no random real key fails it (rate 0);
     * markdown bold ("**LTAI…**") has two stars, not three.
     */
    private static boolean maskedOrTruncated(byte[] a, int end, int to) {
        if (end + 3 > to) return false;
        byte b = a[end];
        if ((b == '*' || b == '.') && a[end + 1] == b && a[end + 2] == b) return true;
        return (b & 0xff) == 0xE2 && (a[end + 1] & 0xff) == 0x80 && (a[end + 2] & 0xff) == 0xA6; // U+2026 in UTF-8
    }

    /** "…+LTAI…/…" inside a long base64 run is a coincidence in encoded data, not a key. */
    private static boolean insideBase64Blob(byte[] a, int start, int end, int from, int to) {
        boolean gluedLeft = start > from && (a[start - 1] == '+' || a[start - 1] == '/');
        boolean gluedRight = end < to && (a[end] == '+' || a[end] == '/');
        if (!gluedLeft && !gluedRight) return false;
        int l = start, r = end;
        int lf = Math.max(from, start - 64), rt = Math.min(to, end + 64); // 40 is all we need to know
        while (l > lf && isStdBase64(a[l - 1])) l--;
        while (r < rt && isStdBase64(a[r])) r++;
        return r - l >= 40;
    }

    private static boolean isStdBase64(byte b) { return Bytes.alnum(b) || b == '+' || b == '/' || b == '='; }

    /**
     * OSS and other pre-signed URLs carry the AccessKey ID with a signature, never the secret, and are meant
     * to be shared: {@code ?OSSAccessKeyId=LTAI…&Expires=…&Signature=…}, V4 {@code x-oss-credential=LTAI…%2F…}.
     */
    private static boolean inPresignedUrl(byte[] a, int start, int end, int from, int to) {
        int keyFloor = Math.max(from, start - 24);
        String before = SecretContext.ascii(a, keyFloor, start);
        if (!(before.endsWith("accesskeyid=") || before.endsWith("credential=") || before.endsWith("accesskeyid%3d")
                || before.endsWith("credential%3d"))) return false;
        int limit = Math.min(to, end + 2048);
        int stop = end;
        while (stop < limit) {
            byte b = a[stop];
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '"' || b == '\'' || b == '<' || b == '>') break;
            stop++;
        }
        int q = Math.max(keyFloor, start - 2048);
        while (q > from && a[q - 1] != ' ' && a[q - 1] != '\n' && a[q - 1] != '"' && a[q - 1] != '\'' && q > start - 2048) q--;
        return Bytes.containsIgnoreCase(a, q, stop, "signature");
    }

    private List<Match> pairUp(byte[] a, int from, int to, List<IdHit> ids, String encoding) {
        List<ValueHit> values = findValues(a, from, to, ids);
        boolean anySts = ids.stream().anyMatch(IdHit::sts);
        List<ValueHit> secrets = new ArrayList<>();
        List<ValueHit> tokens = new ArrayList<>();
        for (ValueHit v : values) (v.label == SecretContext.Label.TOKEN && v.end - v.start >= STS_TOKEN_MIN ? tokens : secrets).add(v);
        int[] idLines = relativeLines(a, from, ids);
        int window = options.windowBytes();
        int[] pairs = Pairing.pair(ids.size(), secrets.size(),
                (i, j) -> {
                    IdHit id = ids.get(i);
                    ValueHit s = secrets.get(j);
                    if (s.length() != 30) return false;
                    if (Math.abs(s.start - id.start) > window || Math.abs(s.line - idLines[i]) > options.windowLines()) return false;
                    return s.label == SecretContext.Label.SECRET || s.adjacentTo == i
                            || (s.label == SecretContext.Label.WEAK && Math.abs(s.line - idLines[i]) <= SecretContext.WEAK_LINES);
                },
                (i, j) -> {
                    long d = Math.abs((long) secrets.get(j).start - ids.get(i).start);
                    return secrets.get(j).start < ids.get(i).start ? d + 64 : d;
                });
        List<Match> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            IdHit id = ids.get(i);
            String idText = new String(a, id.start, id.end - id.start, StandardCharsets.US_ASCII);
            ValueHit s = pairs[i] >= 0 ? secrets.get(pairs[i]) : null;
            if (id.sts) {
                if (s == null && anySts) s = nearestToken(tokens, id, idLines[i]);
                if (s == null) continue; // an STS ID alone is short-lived and harmless
                out.add(new Match(Rule.STS_CREDENTIALS, id.start, id.end, idText, s.start, s.end, text(a, s), encoding));
            } else if (s != null) {
                out.add(new Match(Rule.ACCESS_KEY_PAIR, id.start, id.end, idText, s.start, s.end, text(a, s), encoding));
            } else {
                out.add(new Match(Rule.ACCESS_KEY_ID, id.start, id.end, idText, -1, -1, null, encoding));
            }
        }
        return out;
    }

    private ValueHit nearestToken(List<ValueHit> tokens, IdHit id, int idLine) {
        ValueHit best = null;
        for (ValueHit t : tokens) {
            if (Math.abs(t.start - id.start) > options.windowBytes() || Math.abs(t.line - idLine) > options.windowLines()) continue;
            if (best == null || Math.abs(t.start - id.start) < Math.abs(best.start - id.start)) best = t;
        }
        return best;
    }

    private static String text(byte[] a, ValueHit v) {
        return v.joined != null ? v.joined : new String(a, v.start, v.end - v.start, StandardCharsets.US_ASCII);
    }

    /** 30-character labelled or adjacent values, and STS tokens, within the window around each ID. */
    private List<ValueHit> findValues(byte[] a, int from, int to, List<IdHit> ids) {
        List<ValueHit> out = new ArrayList<>();
        int window = options.windowBytes();
        int[] lineCursor = {from, 0}; // offset and line reached so far: regions come in order, so counting is one pass
        int regionStart = -1, regionEnd = -1;
        for (int k = 0; k <= ids.size(); k++) {
            int s = k < ids.size() ? Math.max(from, ids.get(k).start - window) : Integer.MAX_VALUE;
            if (k < ids.size() && s <= regionEnd) {
                regionEnd = Math.min(to, Math.max(regionEnd, ids.get(k).end + window));
                continue;
            }
            if (regionStart >= 0) scanRegion(a, from, to, regionStart, regionEnd, ids, out, lineCursor);
            if (k < ids.size()) {
                regionStart = s;
                regionEnd = Math.min(to, ids.get(k).end + window);
            }
        }
        return out;
    }

    private void scanRegion(byte[] a, int from, int to, int rs, int re, List<IdHit> ids, List<ValueHit> out, int[] lineCursor) {
        int line = lineCursor[1];
        for (int p = lineCursor[0]; p < rs; p++) if (a[p] == '\n') line++;
        int i = rs;
        while (i < re) {
            byte b = a[i];
            if (b == '\n') { line++; i++; continue; }
            if (!Bytes.alnum(b)) { i += escapeLength(a, i, re); continue; }
            int run = Bytes.alnumRun(a, i, to);
            int end = i + run;
            int tokEnd = i;
            if (run >= 4 && isTokenStart(a, i) && Bytes.leftBoundary(a, i, from)) {
                while (tokEnd < to && isStdBase64(a[tokEnd])) tokEnd++;
            }
            if (tokEnd - i >= STS_TOKEN_MIN) {
                // Checked before secrets: a token's leading alphanumeric run ("CAIS…" up to its first '+' or '/')
                // is 30 characters long in about one token in seventy and must not pass for a secret.
                out.add(new ValueHit(i, tokEnd, SecretContext.Label.TOKEN, -1, line));
                end = tokEnd;
            } else if (run == 30 && Bytes.leftBoundary(a, i, from) && Bytes.rightBoundary(a, end, to) && Plausibility.plausibleSecret(a, i, end)) {
                ValueHit v = labelled(a, from, to, i, end, ids, line, null);
                if (v != null) out.add(v);
            } else if (run < 30 && end < to && (a[end] == '"' || a[end] == '\'') && continuesLiteral(a, end, to) && Bytes.leftBoundary(a, i, from)) {
                StringBuilder joined = new StringBuilder(30);
                int joinedEnd = joinedLiteral(a, i, end, to, joined);
                byte[] jb = joinedEnd < 0 ? null : joined.toString().getBytes(StandardCharsets.US_ASCII);
                if (jb != null && Plausibility.plausibleSecret(jb, 0, jb.length)) {
                    ValueHit v = labelled(a, from, to, i, joinedEnd, ids, line, joined.toString());
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
        // Runs may end past the region; count up to where we stopped so the next region starts right.
        lineCursor[0] = Math.max(i, re);
        int extra = 0;
        for (int k = re; k < lineCursor[0]; k++) if (a[k] == '\n') extra++;
        lineCursor[1] = line + extra;
    }

    /** The value at [start, end) with why it is a secret, or null if nothing says it is one. */
    private static ValueHit labelled(byte[] a, int from, int to, int start, int end, List<IdHit> ids, int line, String joined) {
        SecretContext.Label label = SecretContext.labelOf(a, start, from);
        if (label == SecretContext.Label.TOKEN) label = SecretContext.Label.SECRET; // a 30-char value is no token
        int adjacent = adjacentId(a, ids, start);
        if (label == SecretContext.Label.NONE && adjacent < 0
                && (SecretContext.labelledByPreviousLine(a, start, from) || SecretContext.namedByPreviousLine(a, start, from)
                    || SecretContext.underLabelLine(a, start, end, from, to))) {
            label = SecretContext.Label.SECRET;
        }
        if (label == SecretContext.Label.NONE && adjacent < 0 && SecretContext.labelledAfter(a, end, to)) {
            label = SecretContext.Label.WEAK; // a trailing comment: trusted only right next to an ID
        }
        return label != SecretContext.Label.NONE || adjacent >= 0 ? new ValueHit(start, end, label, adjacent, line, joined) : null;
    }

    private static final int MAX_PIECES = 8;

    /**
     * A 30-character value written as adjacent string literals, the way some code splits a secret to get past
     * scanners: {@code "ER51kMn" + "lmu3zXwcxczJ" + "MbYzJIgrY9O"} (Java, JS, C#, Python {@code +}; PHP {@code .};
     * C and Python implicit concatenation), pieces up to two lines apart. {@code firstEnd} is the first piece's
     * closing quote. Appends the value to {@code text} and returns the last piece's end, or -1.
     */
    private static int joinedLiteral(byte[] a, int start, int firstEnd, int to, StringBuilder text) {
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

    /** Another literal with the same quote follows the one closing at {@code close}: checked before building anything. */
    private static boolean continuesLiteral(byte[] a, int close, int to) {
        int k = skipBlanks(a, close + 1, to);
        if (k < to && (a[k] == '+' || a[k] == '.')) k = skipBlanks(a, k + 1, to);
        return k < to && a[k] == a[close];
    }

    /** Spaces, tabs and at most two line breaks. */
    private static int skipBlanks(byte[] a, int k, int to) {
        int lines = 0;
        while (k < to && (a[k] == ' ' || a[k] == '\t' || a[k] == '\r' || (a[k] == '\n' && ++lines <= 2))) k++;
        return k;
    }

    /** STS security tokens start "CAIS"; older ones (still in docs, samples and tests) "CAES". */
    private static boolean isTokenStart(byte[] a, int i) {
        return a[i] == 'C' && a[i + 1] == 'A' && (a[i + 2] == 'I' || a[i + 2] == 'E') && a[i + 3] == 'S';
    }

    /**
     * Length of an escape at {@code i} that ends in letters or digits ({@code \\n}, {@code %22},
     * {@code \\u0022}), so a value right after it starts its own alphanumeric run; 1 for any other byte.
     */
    private static int escapeLength(byte[] a, int i, int limit) {
        byte b = a[i];
        if (b == '%' && i + 2 < limit && Bytes.hex(a[i + 1]) && Bytes.hex(a[i + 2])) return 3;
        if (b == '\\' && i + 1 < limit) {
            byte n = a[i + 1];
            if (n == 'n' || n == 't' || n == 'r') return 2;
            if (n == 'u' && i + 5 < limit && Bytes.hex(a[i + 2]) && Bytes.hex(a[i + 3]) && Bytes.hex(a[i + 4]) && Bytes.hex(a[i + 5])) return 6;
        }
        return 1;
    }

    private static int adjacentId(byte[] a, List<IdHit> ids, int valueStart) {
        // The closest ID ending before the value, if only argument punctuation lies between them.
        int lo = 0, hi = ids.size() - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ids.get(mid).end <= valueStart) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        if (found >= 0 && SecretContext.adjacentAfter(a, ids.get(found).end, valueStart)) return found;
        return -1;
    }

    private static int[] relativeLines(byte[] a, int from, List<IdHit> ids) {
        int[] lines = new int[ids.size()];
        int line = 0, pos = from;
        for (int k = 0; k < ids.size(); k++) {
            int target = ids.get(k).start;
            for (; pos < target; pos++) if (a[pos] == '\n') line++;
            lines[k] = line;
        }
        return lines;
    }

    // ---------------------------------------------------------------- base64

    /** A decoded base64 run: [viewStart, viewEnd) in the view came from [origStart, origEnd) in the buffer. */
    private record Segment(int viewStart, int viewEnd, int origStart, int origEnd, boolean decoded) { }

    private List<Match> decodeBase64(byte[] a, int from, int to, IntList hits, int depth) {
        int[] sorted = Arrays.copyOf(hits.data, hits.size);
        Arrays.sort(sorted);
        List<Match> out = new ArrayList<>();
        int window = options.windowBytes();
        int k = 0;
        while (k < sorted.length) {
            int rs = Math.max(from, lineStart(a, from, Math.max(from, sorted[k] - window)));
            int re = Math.min(to, sorted[k] + window);
            while (k + 1 < sorted.length && sorted[k + 1] - window <= re) { k++; re = Math.min(to, sorted[k] + window); }
            k++;
            re = lineEnd(a, to, re);
            decodeRegion(a, from, to, rs, re, depth, out);
        }
        return out;
    }

    private void decodeRegion(byte[] a, int from, int to, int rs, int re, int depth, List<Match> out) {
        List<Segment> segments = new ArrayList<>();
        java.io.ByteArrayOutputStream view = new java.io.ByteArrayOutputStream(re - rs);
        int copyFrom = rs;
        boolean anyDecoded = false;
        int i = rs;
        while (i < re) {
            if (!Bytes.base64(a[i]) || (i > rs && Bytes.base64(a[i - 1]))) { i++; continue; }
            int j = i;
            while (j < to && Bytes.base64(a[j])) j++;
            for (int pad = 0; pad < 2 && j < to && a[j] == '='; pad++) j++; // padding only at the end
            if (j - i >= MIN_BASE64_RUN) {
                byte[] decoded = tryDecode(a, i, j);
                if (decoded != null) {
                    flushRaw(a, copyFrom, i, view, segments);
                    segments.add(new Segment(view.size(), view.size() + decoded.length, i, j, true));
                    view.write(decoded, 0, decoded.length);
                    copyFrom = j;
                    anyDecoded = true;
                }
            }
            i = j;
        }
        if (!anyDecoded) return;
        flushRaw(a, copyFrom, Math.max(copyFrom, re), view, segments);
        byte[] v = view.toByteArray();
        for (Match m : detect(v, 0, v.length, depth + 1)) {
            Segment idSeg = segmentOf(segments, m.idStart());
            Segment secSeg = m.hasSecret() ? segmentOf(segments, m.secretStart()) : null;
            if (!idSeg.decoded && (secSeg == null || !secSeg.decoded)) continue; // the raw pass has it
            int[] idSpan = toOriginal(idSeg, m.idStart(), m.idEnd());
            int[] secSpan = secSeg == null ? new int[] {-1, -1} : toOriginal(secSeg, m.secretStart(), m.secretEnd());
            out.add(new Match(m.rule(), idSpan[0], idSpan[1], m.accessKeyId(), secSpan[0], secSpan[1], m.secret(), "base64"));
        }
    }

    private static void flushRaw(byte[] a, int from, int to, java.io.ByteArrayOutputStream view, List<Segment> segments) {
        if (to <= from) return;
        segments.add(new Segment(view.size(), view.size() + (to - from), from, to, false));
        view.write(a, from, to - from);
    }

    private static Segment segmentOf(List<Segment> segments, int viewOffset) {
        int lo = 0, hi = segments.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segments.get(mid).viewStart <= viewOffset) lo = mid; else hi = mid - 1;
        }
        return segments.get(lo);
    }

    /** Decoded text maps to the whole encoded run; raw text maps one to one. */
    private static int[] toOriginal(Segment s, int viewStart, int viewEnd) {
        if (s.decoded) return new int[] {s.origStart, s.origEnd};
        return new int[] {s.origStart + (viewStart - s.viewStart), s.origStart + (viewEnd - s.viewStart)};
    }

    /** Decodes standard or URL-safe base64 (padding optional); null unless the result looks like text. */
    static byte[] tryDecode(byte[] a, int from, int to) {
        int end = to;
        while (end > from && a[end - 1] == '=') end--;
        int len = end - from;
        if (len % 4 == 1) return null;
        boolean urlSafe = false, std = false;
        for (int k = from; k < end; k++) {
            byte b = a[k];
            if (b == '-' || b == '_') urlSafe = true;
            else if (b == '+' || b == '/') std = true;
            else if (b == '=') return null;
        }
        if (urlSafe && std) return null;
        byte[] decoded;
        try {
            String s = new String(a, from, len, StandardCharsets.US_ASCII);
            decoded = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return looksLikeText(decoded) ? decoded : null;
    }

    private static boolean looksLikeText(byte[] d) {
        if (d.length < 12) return false;
        int printable = 0;
        for (byte b : d) {
            int c = b & 0xff;
            if (c == 0) return false;
            if (c >= 0x20 && c < 0x7f || c == '\n' || c == '\r' || c == '\t' || c >= 0x80) printable++;
        }
        return printable * 100 >= d.length * 95;
    }

    private static int lineStart(byte[] a, int from, int p) {
        while (p > from && a[p - 1] != '\n') p--;
        return p;
    }

    private static int lineEnd(byte[] a, int to, int p) {
        while (p < to && a[p] != '\n') p++;
        return p;
    }

    /** Adds decoded matches; a decoded pair supersedes a raw ID-only match for the same ID occurrence. */
    private static void merge(List<Match> raw, List<Match> decoded) {
        for (Match d : decoded) {
            boolean duplicate = false;
            for (int k = 0; k < raw.size(); k++) {
                Match r = raw.get(k);
                if (r.idStart() == d.idStart() && r.accessKeyId().equals(d.accessKeyId())) {
                    if (!r.hasSecret() && d.hasSecret()) raw.set(k, d);
                    duplicate = true;
                    break;
                }
            }
            if (!duplicate) raw.add(d);
        }
    }

    /** A growable int array: the prefilter's hits, without boxing. */
    static final class IntList {
        int[] data = new int[8];
        int size;

        void add(int v) {
            if (size == data.length) data = Arrays.copyOf(data, size * 2);
            data[size++] = v;
        }

        int get(int k) { return data[k]; }
    }
}
