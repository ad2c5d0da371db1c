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
 * suppressions applied (inline {@code akguard:ignore}, config allowlists and disabled rules, baseline).
 * Path excludes are the caller's business ({@link #isExcluded}) because only it knows the path's root.
 * Immutable and thread-safe.
 */
public final class Engine {
    /** Put this on the line of the ID or the secret to accept a finding. */
    public static final String IGNORE_MARKER = "akguard:ignore";
    private static final byte[] MARKER = IGNORE_MARKER.getBytes(StandardCharsets.US_ASCII);

    private final ScanSettings settings;
    private final Detector detector;
    private final boolean honourInlineIgnore;

    private Engine(ScanSettings settings) { this(settings, true); }

    private Engine(ScanSettings settings, boolean honourInlineIgnore) {
        this.settings = settings;
        this.detector = new Detector(settings.config().detectorOptions());
        this.honourInlineIgnore = honourInlineIgnore;
    }

    public static Engine defaults() { return new Engine(ScanSettings.defaults()); }

    public static Engine create(ScanSettings settings) { return new Engine(settings); }

    public ScanSettings settings() { return settings; }

    public Config config() { return settings.config(); }

    /** The same engine without the baseline: what `baseline create` records. */
    public Engine withoutBaseline() { return new Engine(settings.withBaseline(Baseline.EMPTY), honourInlineIgnore); }

    /**
     * The same engine disregarding inline {@code akguard:ignore} markers: a project may accept a finding in its own
     * code, but a pair published on GitHub is leaked whatever its author wrote next to it (the remote monitor).
     */
    public Engine ignoringInlineMarkers() { return new Engine(settings, false); }

    public boolean honoursInlineIgnore() { return honourInlineIgnore; }

    /** True when the config's exclude globs cover this root-relative, '/'-separated path. */
    public boolean isExcluded(String relativePath) { return settings.config().exclude().excludes(relativePath); }

    /** Scans a whole file's bytes (any encoding; binary content yields nothing). */
    public List<Finding> scan(byte[] content, String path) { return scan(content, 0, content.length, path); }

    public List<Finding> scan(byte[] content, int from, int to, String path) {
        return scan(TextContent.of(content, from, to), path);
    }

    /** Scans content already classified by {@link TextContent#of}; binary content yields nothing. */
    public List<Finding> scan(TextContent t, String path) {
        if (t.binary()) return List.of();
        return scanText(t.bytes(), t.from(), t.to(), t.from(), t.to(), path, new LineIndex(t.bytes(), t.from()));
    }

    /** Scans an editor buffer or other in-memory text; columns are UTF-16 units as LSP and SARIF expect. */
    public List<Finding> scan(String text, String path) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return scanText(b, 0, b.length, 0, b.length, path, new LineIndex(b, 0));
    }

    /**
     * Scans {@code a[from, to)} of already-decoded text, keeping only IDs that start in {@code [ownFrom, ownTo)};
     * used for windows of huge files, where neighbouring windows overlap so pairs across a boundary are seen.
     */
    public List<Finding> scanText(byte[] a, int from, int to, int ownFrom, int ownTo, String path, LineIndex lines) {
        List<Match> matches = detector.detect(a, from, to);
        if (matches.isEmpty()) return List.of();
        Config cfg = settings.config();
        List<Finding> out = new ArrayList<>(matches.size());
        for (Match m : matches) {
            if (m.idStart() < ownFrom || m.idStart() >= ownTo) continue;
            if (!cfg.enabled(m.rule()) || cfg.allowsId(m.accessKeyId())) continue;
            if (honourInlineIgnore && (hasMarker(a, from, to, m.idStart()) || (m.hasSecret() && hasMarker(a, from, to, m.secretStart())))) continue;
            if (cfg.allowsLine(m.accessKeyId(), lineText(a, from, to, m.idStart()))) continue;
            Position id = lines.span(m.idStart(), m.idEnd());
            Position sp = m.hasSecret() ? lines.span(m.secretStart(), m.secretEnd()) : null;
            Finding f = new Finding(m.rule(), cfg.severity(m.rule()), path, id, m.accessKeyId(), sp,
                    m.hasSecret() ? new Secret(m.secret()) : null, m.encoding(), null);
            if (settings.baseline().contains(f)) continue;
            out.add(f);
        }
        return out;
    }

    private static boolean hasMarker(byte[] a, int from, int to, int offset) {
        int s = offset, e = offset;
        while (s > from && a[s - 1] != '\n' && a[s - 1] != '\r') s--;
        while (e < to && a[e] != '\n' && a[e] != '\r') e++;
        outer:
        for (int i = s; i + MARKER.length <= e; i++) {
            for (int j = 0; j < MARKER.length; j++) if (a[i + j] != MARKER[j]) continue outer;
            return true;
        }
        return false;
    }

    private static String lineText(byte[] a, int from, int to, int offset) {
        int s = offset, e = offset;
        while (s > from && a[s - 1] != '\n' && offset - s < 4096) s--;
        while (e < to && a[e] != '\n' && e - offset < 4096) e++;
        return new String(a, s, e - s, StandardCharsets.UTF_8);
    }
}
