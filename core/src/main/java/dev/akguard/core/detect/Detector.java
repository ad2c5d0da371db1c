package dev.akguard.core.detect;

import dev.akguard.core.finding.Rule;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds AccessKey IDs, their secrets and STS credentials in a byte buffer. Stateless and thread-safe.
 *
 * <p>Stages, cheapest first: the {@link Prefilter} finds the few places worth a look; {@link IdFinder} validates
 * each literal hit as an ID; only then does {@link ValueScanner} look for secrets and tokens, and only within
 * the pairing window around the IDs; {@link Pairing} matches them. Encoded hits are decoded into a
 * {@link DecodedView} in which the same stages run again, so keys inside Kubernetes Secrets and encoded blobs
 * are found with positions mapped back onto the encoded text.
 */
public final class Detector {
    private static final int MAX_DECODE_DEPTH = 2;

    private final DetectorOptions options;
    private final ValueScanner values;

    public Detector(DetectorOptions options) {
        this.options = options;
        this.values = new ValueScanner(options);
    }

    public Detector() { this(DetectorOptions.DEFAULT); }

    /** All matches in {@code a[from, to)}, ordered by ID offset. */
    public List<Match> detect(byte[] a, int from, int to) {
        List<Match> out = detect(a, from, to, 0);
        out.sort(Comparator.comparingInt(Match::idStart));
        return out;
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
        List<IdHit> ids = IdFinder.find(a, from, to, ltai, sts);
        List<Match> matches = ids.isEmpty() ? new ArrayList<>() : pairUp(a, from, to, ids, "plain");
        if (b64.size > 0 && depth < MAX_DECODE_DEPTH) merge(matches, decodeBase64(a, from, to, b64, depth));
        return matches;
    }

    private List<Match> pairUp(byte[] a, int from, int to, List<IdHit> ids, String encoding) {
        List<ValueHit> found = values.find(a, from, to, ids);
        boolean anySts = ids.stream().anyMatch(IdHit::sts);
        List<ValueHit> secrets = new ArrayList<>();
        List<ValueHit> tokens = new ArrayList<>();
        for (ValueHit v : found) (v.label() == SecretContext.Label.TOKEN && v.end() - v.start() >= ValueScanner.STS_TOKEN_MIN ? tokens : secrets).add(v);
        int[] idLines = relativeLines(a, from, ids);
        int window = options.windowBytes();
        int[] pairs = Pairing.pair(ids.size(), secrets.size(),
                (i, j) -> {
                    IdHit id = ids.get(i);
                    ValueHit s = secrets.get(j);
                    if (s.length() != 30) return false;
                    if (Math.abs(s.start() - id.start()) > window || Math.abs(s.line() - idLines[i]) > options.windowLines()) return false;
                    return s.label() == SecretContext.Label.SECRET || s.adjacentTo() == i
                            || (s.label() == SecretContext.Label.WEAK && Math.abs(s.line() - idLines[i]) <= SecretContext.WEAK_LINES);
                },
                (i, j) -> {
                    long d = Math.abs((long) secrets.get(j).start() - ids.get(i).start());
                    return secrets.get(j).start() < ids.get(i).start() ? d + 64 : d;
                });
        List<Match> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            IdHit id = ids.get(i);
            String idText = new String(a, id.start(), id.end() - id.start(), StandardCharsets.US_ASCII);
            ValueHit s = pairs[i] >= 0 ? secrets.get(pairs[i]) : null;
            if (id.sts()) {
                if (s == null && anySts) s = nearestToken(tokens, id, idLines[i]);
                if (s == null) continue; // an STS ID alone is short-lived and harmless
                out.add(new Match(Rule.STS_CREDENTIALS, id.start(), id.end(), idText, s.start(), s.end(), s.text(a), encoding));
            } else if (s != null) {
                out.add(new Match(Rule.ACCESS_KEY_PAIR, id.start(), id.end(), idText, s.start(), s.end(), s.text(a), encoding));
            } else {
                out.add(new Match(Rule.ACCESS_KEY_ID, id.start(), id.end(), idText, -1, -1, null, encoding));
            }
        }
        return out;
    }

    private ValueHit nearestToken(List<ValueHit> tokens, IdHit id, int idLine) {
        ValueHit best = null;
        for (ValueHit t : tokens) {
            if (Math.abs(t.start() - id.start()) > options.windowBytes() || Math.abs(t.line() - idLine) > options.windowLines()) continue;
            if (best == null || Math.abs(t.start() - id.start()) < Math.abs(best.start() - id.start())) best = t;
        }
        return best;
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

    private List<Match> decodeBase64(byte[] a, int from, int to, IntList hits, int depth) {
        int[] sorted = hits.sorted();
        List<Match> out = new ArrayList<>();
        int window = options.windowBytes();
        int k = 0;
        while (k < sorted.length) {
            int rs = Math.max(from, lineStart(a, from, Math.max(from, sorted[k] - window)));
            int re = Math.min(to, sorted[k] + window);
            while (k + 1 < sorted.length && sorted[k + 1] - window <= re) { k++; re = Math.min(to, sorted[k] + window); }
            k++;
            re = lineEnd(a, to, re);
            DecodedView view = Base64Codec.decodeRegion(a, to, rs, re);
            if (view != null) mapBack(view, detect(view.bytes(), 0, view.bytes().length, depth + 1), "base64", out);
        }
        return out;
    }

    /** Matches found in a view, in the original buffer's offsets; those entirely in raw text the raw pass has already. */
    private static void mapBack(DecodedView view, List<Match> found, String encoding, List<Match> out) {
        for (Match m : found) {
            DecodedView.Segment idSeg = view.segmentOf(m.idStart());
            DecodedView.Segment secSeg = m.hasSecret() ? view.segmentOf(m.secretStart()) : null;
            if (!idSeg.decoded() && (secSeg == null || !secSeg.decoded())) continue;
            int[] idSpan = DecodedView.toOriginal(idSeg, m.idStart(), m.idEnd());
            int[] secSpan = secSeg == null ? new int[] {-1, -1} : DecodedView.toOriginal(secSeg, m.secretStart(), m.secretEnd());
            out.add(new Match(m.rule(), idSpan[0], idSpan[1], m.accessKeyId(), secSpan[0], secSpan[1], m.secret(), encoding));
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
}
