package dev.akguard.core.source;

import dev.akguard.core.Engine;
import dev.akguard.core.detect.DetectorOptions;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.report.ByteSize;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Scans inside archives: zip and everything built on it (jar, war, ear, apk, aar, docx, xlsx, pptx,
 * odt), tar, and gzip (tar.gz, tgz, a single gzipped file), recognised by their first bytes, not
 * their names, and nested up to {@link DetectorOptions#archiveDepth()} levels. Each entry goes
 * through the engine as a file of its own (text or binary); findings are named {@code
 * outer.zip!/inner/path}, one {@code !/} per level.
 *
 * <p>All the entries of one archive, at every level, share one budget of expanded bytes ({@link
 * DetectorOptions#archiveMaxBytes()}): a zip bomb stops there, with what was found so far kept and
 * a skip saying where it stopped; an entry larger than the file size limit is skipped and reported
 * like a file.
 */
public final class ArchiveScanner {
    /** Archive formats, by magic number. */
    public enum Format {
        ZIP,
        TAR,
        GZIP
    }

    private static final int TAR_MAGIC_AT = 257;

    /** Entry names are untrusted: bounded, and without control characters in reports. */
    private static final int MAX_NAME = 1024;

    private final Engine engine;
    private final int maxDepth;
    private final long maxBytes;
    private final long maxEntry;

    public ArchiveScanner(Engine engine) {
        this.engine = engine;
        DetectorOptions o = engine.config().detectorOptions();
        this.maxDepth = o.archiveDepth();
        this.maxBytes = o.archiveMaxBytes();
        this.maxEntry = Math.min(engine.config().maxFileSize(), Integer.MAX_VALUE - 16);
    }

    /** What one archive held: findings, and the entries or levels not scanned. */
    public record Result(List<Finding> findings, List<Skip> skipped, long bytes) {}

    /**
     * The archive format {@code a[from, to)} starts with, or null; needs the first 262 bytes for
     * tar.
     */
    public static Format detect(byte[] a, int from, int to) {
        int n = to - from;
        if (n >= 4 && a[from] == 'P' && a[from + 1] == 'K' && a[from + 2] == 3 && a[from + 3] == 4)
            return Format.ZIP;
        if (n >= 3 && (a[from] & 0xff) == 0x1f && (a[from + 1] & 0xff) == 0x8b && a[from + 2] == 8)
            return Format.GZIP;
        if (n >= TAR_MAGIC_AT + 5
                && a[from + TAR_MAGIC_AT] == 'u'
                && a[from + TAR_MAGIC_AT + 1] == 's'
                && a[from + TAR_MAGIC_AT + 2] == 't'
                && a[from + TAR_MAGIC_AT + 3] == 'a'
                && a[from + TAR_MAGIC_AT + 4] == 'r') return Format.TAR;
        return null;
    }

    /**
     * Scans the archive {@code in} (format {@code f}) reported as {@code path}. A level that is off
     * limits is skipped, not scanned.
     */
    public Result scan(InputStream in, Format f, String path) {
        Walk w = new Walk();
        if (maxDepth < 1) {
            w.skips.add(
                    new Skip(
                            path,
                            Skip.Reason.ARCHIVE_DEPTH,
                            "archive scanning is off (--archive-depth 0)"));
        } else {
            w.scan(in, f, path, 1);
        }
        return new Result(w.findings, w.skips, w.expanded);
    }

    /** One top-level archive's walk: its budget and what it found. */
    private final class Walk {
        final List<Finding> findings = new ArrayList<>();
        final List<Skip> skips = new ArrayList<>();
        long expanded;
        boolean exhausted;

        /** One copy buffer per walk: jars hold thousands of small entries. */
        final byte[] buf = new byte[64 << 10];

        /**
         * The next entry's declared size, when the archive says (a hint for the buffer only, never
         * trusted).
         */
        long sizeHint = -1;

        void scan(InputStream in, Format f, String path, int depth) {
            try {
                switch (f) {
                    case GZIP -> {
                        byte[] inner = read(new GzipCompressorInputStream(in), path);
                        if (inner != null) content(inner, path, depth, true);
                    }
                    case ZIP ->
                            entries(
                                    new ZipArchiveInputStream(in, "UTF-8", true, true),
                                    path,
                                    depth);
                    case TAR -> entries(new TarArchiveInputStream(in), path, depth);
                }
            } catch (IOException | RuntimeException e) {
                // A corrupt, truncated or encrypted archive: keep what was found, say what could
                // not be read.
                skips.add(
                        new Skip(
                                path,
                                Skip.Reason.UNREADABLE,
                                "archive: " + clean(String.valueOf(e.getMessage()))));
            }
        }

        private void entries(ArchiveInputStream<? extends ArchiveEntry> ar, String path, int depth)
                throws IOException {
            ArchiveEntry e;
            while (!exhausted && (e = ar.getNextEntry()) != null) {
                if (e.isDirectory()) continue;
                if (e instanceof TarArchiveEntry t && !t.isFile())
                    continue; // links, devices: no content of their own
                String inner = path + "!/" + name(e.getName());
                if (e instanceof ZipArchiveEntry z
                        && !((ZipArchiveInputStream) ar).canReadEntryData(z)) {
                    skips.add(
                            new Skip(
                                    inner,
                                    Skip.Reason.UNREADABLE,
                                    "encrypted or unsupported compression"));
                    continue;
                }
                sizeHint = e.getSize();
                byte[] bytes = read(ar, inner);
                if (bytes != null) content(bytes, inner, depth, false);
            }
        }

        /** An entry's content: a nested archive, or a file for the engine. */
        private void content(byte[] bytes, String path, int depth, boolean gunzipped) {
            Format nested = detect(bytes, 0, bytes.length);
            if (nested != null) {
                // A gzip layer around a tar is one archive (tar.gz), not two levels.
                int next = gunzipped ? depth : depth + 1;
                if (next > maxDepth) {
                    skips.add(
                            new Skip(
                                    path,
                                    Skip.Reason.ARCHIVE_DEPTH,
                                    "nested " + next + " levels deep"));
                    return;
                }
                scan(new ByteArrayInputStream(bytes), nested, path, next);
                return;
            }
            findings.addAll(engine.scan(bytes, path));
        }

        /**
         * The stream's bytes within the entry and archive limits, or null (with a skip) when over
         * them.
         */
        private byte[] read(InputStream in, String path) throws IOException {
            long budget = maxBytes - expanded;
            long limit = Math.min(maxEntry, budget);
            ByteArrayOutputStream out =
                    new ByteArrayOutputStream(
                            (int) Math.min(Math.max(sizeHint, 256), Math.min(limit, 1 << 20)));
            sizeHint = -1;
            long total = 0;
            int r;
            while ((r = in.read(buf)) > 0) {
                total += r;
                if (total > limit) {
                    expanded += total - r;
                    if (limit == budget) {
                        exhausted = true;
                        skips.add(
                                new Skip(
                                        path,
                                        Skip.Reason.ARCHIVE_LIMIT,
                                        "expands past "
                                                + ByteSize.format(maxBytes)
                                                + " in all; stopped there (a zip bomb?)"));
                    } else {
                        skips.add(
                                new Skip(
                                        path,
                                        Skip.Reason.TOO_LARGE,
                                        "entry larger than " + ByteSize.format(maxEntry)));
                    }
                    return null;
                }
                out.write(buf, 0, r);
            }
            expanded += total;
            return out.toByteArray();
        }
    }

    /** An entry name fit for a report: '/'-separated, no control characters, bounded. */
    static String name(String raw) {
        String s = clean(raw.replace('\\', '/'));
        while (s.startsWith("/")) s = s.substring(1);
        return s.length() > MAX_NAME ? s.substring(0, MAX_NAME) + "…" : s;
    }

    private static String clean(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_NAME + 8));
        for (int i = 0; i < s.length() && sb.length() <= MAX_NAME; i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? '?' : c);
        }
        return sb.toString();
    }
}
