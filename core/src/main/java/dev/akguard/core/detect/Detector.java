package dev.akguard.core.detect;

import dev.akguard.core.finding.Rule;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds AccessKey IDs, their secrets and STS credentials in a byte buffer. Stateless and
 * thread-safe.
 *
 * <p>Stages, cheapest first: the {@link Prefilter} finds the few places worth a look; {@link
 * IdFinder} validates each literal hit as an ID; only then does {@link ValueScanner} look for
 * secrets and tokens, and only within the pairing window around the IDs; {@link Pairing} matches
 * them. Encoded hits (base64, hex, backslash-u escapes) are decoded into a {@link DecodedView} in
 * which the same stages run again, up to {@link DetectorOptions#maxDecodeDepth()} layers, so keys
 * inside Kubernetes Secrets and encoded blobs are found with positions mapped back onto the encoded
 * text. {@link #detectBinary} runs the same over a binary's printable runs ({@link BinaryStrings}).
 */
public final class Detector {
    private final DetectorOptions options;
    private final ValueScanner values;

    public Detector(DetectorOptions options) {
        this.options = options;
        this.values = new ValueScanner(options);
    }

    public Detector() {
        this(DetectorOptions.DEFAULT);
    }

    /** All matches in {@code a[from, to)}, ordered by ID offset. */
    public List<Match> detect(byte[] a, int from, int to) {
        List<Match> out = detect(a, from, to, 0);
        out.sort(Comparator.comparingInt(Match::idStart));
        return out;
    }

    /**
     * Matches in a binary file's {@code a[from, to)}: the same stages over its printable runs
     * ({@link BinaryStrings}), with offsets in the binary; encoding "binary" for keys written as
     * plain text there.
     */
    public List<Match> detectBinary(byte[] a, int from, int to) {
        BinaryStrings strings = BinaryStrings.of(a, from, to);
        if (strings.length() == 0) return new ArrayList<>();
        List<Match> out = new ArrayList<>();
        for (Match m : detect(strings.bytes(), 0, strings.length(), 0)) {
            int[] id = strings.toOriginal(m.idStart(), m.idEnd());
            int[] sec =
                    m.hasSecret()
                            ? strings.toOriginal(m.secretStart(), m.secretEnd())
                            : new int[] {-1, -1};
            int[] tok =
                    m.hasToken()
                            ? strings.toOriginal(m.tokenStart(), m.tokenEnd())
                            : new int[] {-1, -1};
            String enc = m.encoding().equals("plain") ? "binary" : m.encoding();
            out.add(
                    new Match(
                            m.rule(),
                            id[0],
                            id[1],
                            m.accessKeyId(),
                            sec[0],
                            sec[1],
                            m.secret(),
                            tok[0],
                            tok[1],
                            m.token(),
                            enc));
        }
        out.sort(Comparator.comparingInt(Match::idStart));
        return out;
    }

    private List<Match> detect(byte[] a, int from, int to, int depth) {
        IntList ltai = new IntList(),
                sts = new IntList(),
                b64 = new IntList(),
                hex = new IntList(),
                uesc = new IntList();
        Prefilter pf = Prefilter.DEFAULT;
        pf.find(
                a,
                from,
                to,
                (off, n) -> {
                    switch (pf.kind(n)) {
                        case ACCESS_KEY_ID -> ltai.add(off);
                        case STS_ID -> sts.add(off);
                        case BASE64 -> b64.add(off);
                        case HEX -> hex.add(off);
                        case UNICODE_ESCAPE -> uesc.add(off);
                    }
                });
        if (ltai.size == 0 && sts.size == 0 && b64.size == 0 && hex.size == 0 && uesc.size == 0)
            return new ArrayList<>();
        List<IdHit> ids = IdFinder.find(a, from, to, ltai, sts);
        List<Match> matches = ids.isEmpty() ? new ArrayList<>() : pairUp(a, from, to, ids, "plain");
        if (depth < options.maxDecodeDepth()) {
            if (b64.size > 0)
                merge(
                        matches,
                        decodeAround(a, from, to, b64, depth, Base64Codec::decodeRegion, "base64"));
            if (hex.size > 0)
                merge(
                        matches,
                        decodeAround(a, from, to, hex, depth, HexCodec::decodeRegion, "hex"));
            if (uesc.size > 0)
                merge(
                        matches,
                        decodeAround(
                                a,
                                from,
                                to,
                                uesc,
                                depth,
                                UnicodeEscapeCodec::decodeRegion,
                                "unicode-escape"));
        }
        return matches;
    }

    private List<Match> pairUp(byte[] a, int from, int to, List<IdHit> ids, String encoding) {
        List<ValueHit> found = values.find(a, from, to, ids);
        boolean anySts = ids.stream().anyMatch(IdHit::sts);
        List<ValueHit> secrets = new ArrayList<>();
        List<ValueHit> tokens = new ArrayList<>();
        for (ValueHit v : found)
            (v.label() == SecretContext.Label.TOKEN
                                    && v.end() - v.start() >= ValueScanner.STS_TOKEN_MIN
                            ? tokens
                            : secrets)
                    .add(v);
        int[] idLines = relativeLines(a, from, ids);
        int window = options.windowBytes();
        int[] lo = new int[ids.size()], hi = new int[ids.size()];
        band(ids, idLines, secrets, lo, hi);
        int[] pairs =
                Pairing.pair(
                        ids.size(),
                        secrets.size(),
                        lo,
                        hi,
                        (i, j) -> {
                            IdHit id = ids.get(i);
                            ValueHit s = secrets.get(j);
                            boolean stsLength =
                                    s.length() >= ValueScanner.STS_SECRET_MIN
                                            && s.length() <= ValueScanner.STS_SECRET_MAX;
                            if (s.length() != 30
                                    && !(id.sts()
                                            && stsLength
                                            && s.label() == SecretContext.Label.SECRET))
                                return false;
                            if (Math.abs(s.start() - id.start()) > window
                                    || Math.abs(s.line() - idLines[i]) > options.windowLines())
                                return false;
                            return s.label() == SecretContext.Label.SECRET
                                    || s.adjacentTo() == i
                                    || (s.label() == SecretContext.Label.WEAK
                                            && Math.abs(s.line() - idLines[i])
                                                    <= SecretContext.WEAK_LINES);
                        },
                        (i, j) -> {
                            long d = Math.abs((long) secrets.get(j).start() - ids.get(i).start());
                            return secrets.get(j).start() < ids.get(i).start() ? d + 64 : d;
                        });
        String[] idTexts = new String[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            IdHit id = ids.get(i);
            idTexts[i] =
                    new String(a, id.start(), id.end() - id.start(), StandardCharsets.US_ASCII);
        }
        String[] tokenOwner = new String[tokens.size()];
        int[] tokenOf = attachTokens(ids, idLines, idTexts, secrets, pairs, tokens, tokenOwner);
        List<Match> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            IdHit id = ids.get(i);
            String idText = idTexts[i];
            ValueHit s = pairs[i] >= 0 ? secrets.get(pairs[i]) : null;
            if (id.sts()) {
                if (s == null && anySts) {
                    // No secret: the token stands in for it (as it always has, so fingerprints
                    // stay), unless it is the third part of other credentials.
                    int k =
                            nearestToken(
                                    tokens,
                                    id,
                                    idLines[i],
                                    t -> tokenOwner[t] == null || tokenOwner[t].equals(idText));
                    s = k >= 0 ? tokens.get(k) : null;
                }
                if (s == null) continue; // an STS ID alone is short-lived and harmless
                Match m =
                        new Match(
                                Rule.STS_CREDENTIALS,
                                id.start(),
                                id.end(),
                                idText,
                                s.start(),
                                s.end(),
                                s.text(a),
                                encoding);
                if (tokenOf[i] >= 0) {
                    ValueHit t = tokens.get(tokenOf[i]);
                    m = m.withToken(t.start(), t.end(), t.text(a));
                }
                out.add(m);
            } else if (s != null) {
                out.add(
                        new Match(
                                Rule.ACCESS_KEY_PAIR,
                                id.start(),
                                id.end(),
                                idText,
                                s.start(),
                                s.end(),
                                s.text(a),
                                encoding));
            } else {
                out.add(
                        new Match(
                                Rule.ACCESS_KEY_ID,
                                id.start(),
                                id.end(),
                                idText,
                                -1,
                                -1,
                                null,
                                encoding));
            }
        }
        return out;
    }

    /**
     * The security token of each STS ID that has a secret: the credentials' third part, returned as
     * an index into {@code tokens} per ID (-1: none); {@code owner[t]} receives the ID that token
     * {@code t} went to.
     *
     * <p>A token is given to one set of credentials. The STS pairs and the tokens are matched the
     * way IDs and secrets are ({@link Pairing}): in document order, never crossing, as many as
     * possible, then the smallest total gap between the token and the pair's span (ID and secret,
     * whichever comes first), a token before the pair counting 64 bytes further (responses, env
     * files and SDK calls put it last, so between two blocks it more likely closes the first than
     * opens the second). So repeated blocks each keep their own token whether the token is written
     * before the ID, after it, or between ID and secret, where taking the nearest token greedily
     * would hand the first block the second block's token. A token is shared only by credentials
     * with the same ID (the same AssumeRole response quoted twice): a token belongs to exactly one
     * STS ID, so giving it to another would name a third part that cannot be theirs. A token counts
     * when it is within the pairing window of the ID (bytes and lines), as secrets do.
     */
    private int[] attachTokens(
            List<IdHit> ids,
            int[] idLines,
            String[] idTexts,
            List<ValueHit> secrets,
            int[] pairs,
            List<ValueHit> tokens,
            String[] owner) {
        int[] tokenOf = new int[ids.size()];
        java.util.Arrays.fill(tokenOf, -1);
        if (tokens.isEmpty()) return tokenOf;
        IntList which = new IntList();
        for (int i = 0; i < ids.size(); i++) if (ids.get(i).sts() && pairs[i] >= 0) which.add(i);
        if (which.size == 0) return tokenOf;
        int n = which.size;
        List<IdHit> stsIds = new ArrayList<>(n);
        int[] stsLines = new int[n];
        long[] spanStart = new long[n], spanEnd = new long[n];
        for (int k = 0; k < n; k++) {
            int i = which.get(k);
            IdHit id = ids.get(i);
            ValueHit s = secrets.get(pairs[i]);
            stsIds.add(id);
            stsLines[k] = idLines[i];
            spanStart[k] = Math.min(id.start(), s.start());
            spanEnd[k] = Math.max(id.end(), s.end());
        }
        int[] lo = new int[n], hi = new int[n];
        band(stsIds, stsLines, tokens, lo, hi);
        int[] got =
                Pairing.pair(
                        n,
                        tokens.size(),
                        lo,
                        hi,
                        (k, t) -> inWindow(tokens.get(t), stsIds.get(k), stsLines[k]),
                        (k, t) -> {
                            ValueHit v = tokens.get(t);
                            if (v.start() >= spanEnd[k]) return v.start() - spanEnd[k];
                            if (v.end() <= spanStart[k]) return spanStart[k] - v.end() + 64;
                            return 0;
                        });
        for (int k = 0; k < n; k++) {
            if (got[k] < 0) continue;
            tokenOf[which.get(k)] = got[k];
            owner[got[k]] = idTexts[which.get(k)];
        }
        for (int k = 0; k < n; k++) {
            if (got[k] >= 0) continue;
            int i = which.get(k);
            tokenOf[i] =
                    nearestToken(
                            tokens,
                            ids.get(i),
                            idLines[i],
                            t -> owner[t] == null || owner[t].equals(idTexts[i]));
            if (tokenOf[i] >= 0 && owner[tokenOf[i]] == null) owner[tokenOf[i]] = idTexts[i];
        }
        return tokenOf;
    }

    private boolean inWindow(ValueHit t, IdHit id, int idLine) {
        return Math.abs(t.start() - id.start()) <= options.windowBytes()
                && Math.abs(t.line() - idLine) <= options.windowLines();
    }

    /**
     * For each ID, the secrets within the pairing window by bytes and by lines, as an index range:
     * both lists are in offset order, so the range only moves forward (two pointers, linear).
     */
    private void band(List<IdHit> ids, int[] idLines, List<ValueHit> secrets, int[] lo, int[] hi) {
        int window = options.windowBytes(), lines = options.windowLines();
        int l = 0, h = -1;
        for (int i = 0; i < ids.size(); i++) {
            int at = ids.get(i).start(), line = idLines[i];
            while (l < secrets.size()
                    && (secrets.get(l).start() < at - window
                            || secrets.get(l).line() < line - lines)) l++;
            while (h + 1 < secrets.size()
                    && secrets.get(h + 1).start() <= at + window
                    && secrets.get(h + 1).line() <= line + lines) h++;
            lo[i] = l;
            hi[i] = h;
        }
    }

    /**
     * The index of the token nearest the ID within the window that {@code usable} accepts (the
     * earlier one on a tie), or -1; tokens are in offset order.
     */
    private int nearestToken(
            List<ValueHit> tokens, IdHit id, int idLine, java.util.function.IntPredicate usable) {
        int best = -1;
        int k = firstAtOrAfter(tokens, id.start() - options.windowBytes());
        for (;
                k < tokens.size() && tokens.get(k).start() <= id.start() + options.windowBytes();
                k++) {
            ValueHit t = tokens.get(k);
            if (!inWindow(t, id, idLine) || !usable.test(k)) continue;
            if (best < 0
                    || Math.abs(t.start() - id.start())
                            < Math.abs(tokens.get(best).start() - id.start())) best = k;
        }
        return best;
    }

    private static int firstAtOrAfter(List<ValueHit> values, int offset) {
        int lo = 0, hi = values.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (values.get(mid).start() < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static int[] relativeLines(byte[] a, int from, List<IdHit> ids) {
        int[] lines = new int[ids.size()];
        int line = 0, pos = from;
        for (int k = 0; k < ids.size(); k++) {
            int target = ids.get(k).start();
            for (; pos < target; pos++) if (a[pos] == '\n') line++;
            lines[k] = line;
        }
        return lines;
    }

    // ---------------------------------------------------------------- decoded views

    /**
     * Decodes one encoding's runs in {@code a[rs, re)} into a view, or null when nothing there
     * decodes to text.
     */
    @FunctionalInterface
    private interface Codec {
        DecodedView decodeRegion(byte[] a, int to, int rs, int re);
    }

    /**
     * Decodes the lines within the window around each encoded hit and runs the detector on what
     * they decode to.
     */
    private List<Match> decodeAround(
            byte[] a, int from, int to, IntList hits, int depth, Codec codec, String encoding) {
        int[] sorted = hits.sorted();
        List<Match> out = new ArrayList<>();
        int window = options.windowBytes();
        int k = 0;
        while (k < sorted.length) {
            int rs = Math.max(from, lineStart(a, from, Math.max(from, sorted[k] - window)));
            int re = Math.min(to, sorted[k] + window);
            while (k + 1 < sorted.length && sorted[k + 1] - window <= re) {
                k++;
                re = Math.min(to, sorted[k] + window);
            }
            k++;
            re = lineEnd(a, to, re);
            DecodedView view = codec.decodeRegion(a, to, rs, re);
            if (view != null)
                mapBack(
                        view,
                        detect(view.bytes(), 0, view.bytes().length, depth + 1),
                        encoding,
                        out);
        }
        return out;
    }

    /**
     * Matches found in a view, in the original buffer's offsets; those entirely in raw text the raw
     * pass has already (a raw pair whose token only the view decoded is completed by {@link
     * #merge}).
     */
    private static void mapBack(
            DecodedView view, List<Match> found, String encoding, List<Match> out) {
        for (Match m : found) {
            DecodedView.Segment idSeg = view.segmentOf(m.idStart());
            DecodedView.Segment secSeg = m.hasSecret() ? view.segmentOf(m.secretStart()) : null;
            DecodedView.Segment tokSeg = m.hasToken() ? view.segmentOf(m.tokenStart()) : null;
            if (!idSeg.decoded()
                    && (secSeg == null || !secSeg.decoded())
                    && (tokSeg == null || !tokSeg.decoded())) continue;
            int[] idSpan = DecodedView.toOriginal(idSeg, m.idStart(), m.idEnd());
            int[] secSpan =
                    secSeg == null
                            ? new int[] {-1, -1}
                            : DecodedView.toOriginal(secSeg, m.secretStart(), m.secretEnd());
            int[] tokSpan =
                    m.hasToken()
                            ? DecodedView.toOriginal(tokSeg, m.tokenStart(), m.tokenEnd())
                            : new int[] {-1, -1};
            out.add(
                    new Match(
                            m.rule(),
                            idSpan[0],
                            idSpan[1],
                            m.accessKeyId(),
                            secSpan[0],
                            secSpan[1],
                            m.secret(),
                            tokSpan[0],
                            tokSpan[1],
                            m.token(),
                            encoding));
        }
    }

    private static int lineStart(byte[] a, int from, int p) {
        while (p > from && a[p - 1] != '\n') p--;
        return p;
    }

    private static int lineEnd(byte[] a, int to, int p) {
        while (p < to && a[p] != '\n') p++;
        return p;
    }

    /**
     * Adds decoded matches; a decoded pair supersedes a raw ID-only match for the same ID
     * occurrence, and a decoded token completes the same raw pair that has none.
     */
    private static void merge(List<Match> raw, List<Match> decoded) {
        if (decoded.isEmpty()) return;
        java.util.Map<Integer, Integer> byStart = new java.util.HashMap<>();
        for (int k = 0; k < raw.size(); k++) byStart.putIfAbsent(raw.get(k).idStart(), k);
        for (Match d : decoded) {
            Integer k = byStart.get(d.idStart());
            if (k != null && raw.get(k).accessKeyId().equals(d.accessKeyId())) {
                Match r = raw.get(k);
                if (!r.hasSecret() && d.hasSecret()) raw.set(k, d);
                else if (r.hasSecret()
                        && !r.hasToken()
                        && d.hasToken()
                        && r.secret().equals(d.secret()))
                    raw.set(k, r.withToken(d.tokenStart(), d.tokenEnd(), d.token()));
                continue;
            }
            if (k == null) byStart.put(d.idStart(), raw.size());
            raw.add(d);
        }
    }
}
