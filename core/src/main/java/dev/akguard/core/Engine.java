package dev.akguard.core;

import dev.akguard.core.detect.Detector;
import dev.akguard.core.detect.LineIndex;
import dev.akguard.core.detect.Match;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.Position;
import dev.akguard.core.finding.Secret;
import dev.akguard.core.source.TextContent;
import dev.akguard.core.suppress.Baseline;
import dev.akguard.core.suppress.Config;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one detection engine every surface runs: bytes or text in, findings out, with the project's
 * suppressions applied (inline {@code akguard:ignore}, config allowlists and disabled rules,
 * baseline). Path excludes are the caller's business ({@link #isExcluded}) because only it knows
 * the path's root. Immutable and thread-safe.
 */
public final class Engine {
    /** Put this on the line of the ID or the secret to accept a finding. */
    public static final String IGNORE_MARKER = "akguard:ignore";

    private static final byte[] MARKER = IGNORE_MARKER.getBytes(StandardCharsets.US_ASCII);

    /**
     * How far a finding's "line" reaches for the marker and allow patterns: a minified file is one
     * huge line.
     */
    private static final int LINE_LOOK = 4096;

    private final ScanSettings settings;
    private final Detector detector;
    private final boolean honourInlineIgnore;

    private Engine(ScanSettings settings) {
        this(settings, true);
    }

    private Engine(ScanSettings settings, boolean honourInlineIgnore) {
        this.settings = settings;
        this.detector = new Detector(settings.config().detectorOptions());
        this.honourInlineIgnore = honourInlineIgnore;
    }

    public static Engine defaults() {
        return new Engine(ScanSettings.defaults());
    }

    public static Engine create(ScanSettings settings) {
        return new Engine(settings);
    }

    public ScanSettings settings() {
        return settings;
    }

    public Config config() {
        return settings.config();
    }

    /** The same engine without the baseline: what `baseline create` records. */
    public Engine withoutBaseline() {
        return new Engine(settings.withBaseline(Baseline.EMPTY), honourInlineIgnore);
    }

    /**
     * The same engine disregarding inline {@code akguard:ignore} markers: a project may accept a
     * finding in its own code, but a pair published on GitHub is leaked whatever its author wrote
     * next to it (the remote monitor).
     */
    public Engine ignoringInlineMarkers() {
        return new Engine(settings, false);
    }

    public boolean honoursInlineIgnore() {
        return honourInlineIgnore;
    }

    /** True when the config's exclude globs cover this root-relative, '/'-separated path. */
    public boolean isExcluded(String relativePath) {
        return settings.config().exclude().excludes(relativePath);
    }

    /** Scans a whole file's bytes (any encoding; binary content through its printable runs). */
    public List<Finding> scan(byte[] content, String path) {
        return scan(content, 0, content.length, path);
    }

    public List<Finding> scan(byte[] content, int from, int to, String path) {
        return scan(TextContent.of(content, from, to), path);
    }

    /**
     * Scans content already classified by {@link TextContent#of}. Binary content is scanned through
     * its printable runs, as {@code strings} shows them; its findings have encoding "binary" and
     * their offsets are the binary's.
     */
    public List<Finding> scan(TextContent t, String path) {
        if (t.binary())
            return scanBinary(
                    t.bytes(),
                    t.from(),
                    t.to(),
                    t.from(),
                    t.to(),
                    path,
                    new LineIndex(t.bytes(), t.from()));
        return scanText(
                t.bytes(),
                t.from(),
                t.to(),
                t.from(),
                t.to(),
                path,
                new LineIndex(t.bytes(), t.from()));
    }

    /** As {@link #scanText} for a window of a binary file. */
    public List<Finding> scanBinary(
            byte[] a, int from, int to, int ownFrom, int ownTo, String path, LineIndex lines) {
        List<Match> matches = detector.detectBinary(a, from, to);
        return matches.isEmpty()
                ? List.of()
                : findings(matches, a, from, to, ownFrom, ownTo, path, lines);
    }

    /**
     * Scans an editor buffer or other in-memory text; columns are UTF-16 units as LSP and SARIF
     * expect.
     */
    public List<Finding> scan(String text, String path) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return scanText(b, 0, b.length, 0, b.length, path, new LineIndex(b, 0));
    }

    /**
     * Scans {@code a[from, to)} of already-decoded text, keeping only IDs that start in {@code
     * [ownFrom, ownTo)}; used for windows of huge files, where neighbouring windows overlap so
     * pairs across a boundary are seen.
     */
    public List<Finding> scanText(
            byte[] a, int from, int to, int ownFrom, int ownTo, String path, LineIndex lines) {
        List<Match> matches = detector.detect(a, from, to);
        return matches.isEmpty()
                ? List.of()
                : findings(matches, a, from, to, ownFrom, ownTo, path, lines);
    }

    private List<Finding> findings(
            List<Match> matches,
            byte[] a,
            int from,
            int to,
            int ownFrom,
            int ownTo,
            String path,
            LineIndex lines) {
        Config cfg = settings.config();
        List<Finding> out = new ArrayList<>(matches.size());
        int[] markers = markers(a, from, to);
        for (Match m : matches) {
            if (m.idStart() < ownFrom || m.idStart() >= ownTo) continue;
            if (!cfg.enabled(m.rule()) || cfg.allowsId(m.accessKeyId())) continue;
            // A marker on the line of any part (ID, secret, STS token) accepts the credentials.
            if (honourInlineIgnore
                    && (hasMarker(a, markers, m.idStart())
                            || (m.hasSecret() && hasMarker(a, markers, m.secretStart()))
                            || (m.hasToken() && hasMarker(a, markers, m.tokenStart())))) continue;
            if (cfg.allowsLine(m.accessKeyId(), new LazyLine(a, from, to, m.idStart()))) continue;
            Position id = lines.span(m.idStart(), m.idEnd());
            Position sp = m.hasSecret() ? lines.span(m.secretStart(), m.secretEnd()) : null;
            Position tp = m.hasToken() ? lines.span(m.tokenStart(), m.tokenEnd()) : null;
            Finding f =
                    new Finding(
                            m.rule(),
                            cfg.severity(m.rule()),
                            path,
                            id,
                            m.accessKeyId(),
                            sp,
                            m.hasSecret() ? new Secret(m.secret()) : null,
                            tp,
                            m.hasToken() ? new Secret(m.token()) : null,
                            m.encoding(),
                            null);
            if (settings.baseline().contains(f)) continue;
            out.add(f);
        }
        return out;
    }

    /**
     * Where the ignore marker occurs in {@code a[from, to)}: one pass per buffer, not one per
     * finding.
     */
    private static int[] markers(byte[] a, int from, int to) {
        int[] found = new int[4];
        int n = 0;
        outer:
        for (int i = from; i + MARKER.length <= to; i++) {
            if (a[i] != 'a') continue;
            for (int j = 1; j < MARKER.length; j++) if (a[i + j] != MARKER[j]) continue outer;
            if (n == found.length) found = java.util.Arrays.copyOf(found, n * 2);
            found[n++] = i;
        }
        return java.util.Arrays.copyOf(found, n);
    }

    /**
     * A marker on the line of {@code offset}, at most {@link #LINE_LOOK} bytes away (a minified
     * file is one line).
     */
    private static boolean hasMarker(byte[] a, int[] markers, int offset) {
        if (markers.length == 0) return false;
        int k = java.util.Arrays.binarySearch(markers, offset);
        int i = k >= 0 ? k : -k - 1; // first marker at or after offset
        for (int c = Math.max(0, i - 1); c <= Math.min(markers.length - 1, i); c++) {
            int m = markers[c];
            if (Math.abs(m - offset) > LINE_LOOK) continue;
            int lo = Math.min(m, offset), hi = Math.max(m, offset);
            boolean sameLine = true;
            for (int p = lo; p < hi && sameLine; p++) sameLine = a[p] != '\n' && a[p] != '\r';
            if (sameLine) return true;
        }
        return false;
    }

    /** The text of a finding's line, built only if an allow pattern reads it. */
    private static final class LazyLine implements CharSequence {
        private final byte[] a;
        private final int from, to, offset;
        private String text;

        LazyLine(byte[] a, int from, int to, int offset) {
            this.a = a;
            this.from = from;
            this.to = to;
            this.offset = offset;
        }

        private String text() {
            if (text == null) text = lineText(a, from, to, offset);
            return text;
        }

        @Override
        public int length() {
            return text().length();
        }

        @Override
        public char charAt(int i) {
            return text().charAt(i);
        }

        @Override
        public CharSequence subSequence(int s, int e) {
            return text().subSequence(s, e);
        }

        @Override
        public String toString() {
            return text();
        }
    }

    private static String lineText(byte[] a, int from, int to, int offset) {
        int s = offset, e = offset;
        while (s > from && a[s - 1] != '\n' && offset - s < LINE_LOOK) s--;
        while (e < to && a[e] != '\n' && e - offset < LINE_LOOK) e++;
        return new String(a, s, e - s, StandardCharsets.UTF_8);
    }
}
