package dev.akguard.git.scan;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.source.ArchiveScanner;
import dev.akguard.core.source.Skip;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Scans each blob once, however many commits and paths carry it, and remembers what it found. The
 * engine's findings do not depend on the path (only the label does), so a cached result is
 * relabelled for each path. Not thread-safe: one per scanning thread or guarded by the caller.
 */
public final class BlobFindings {
    private final Engine engine;
    private final ObjectReader reader;
    private final long maxSize;
    private final ArchiveScanner archives;

    /** Findings by blob, labelled with the path the blob was first scanned under. */
    private final Map<ObjectId, Cached> cache = new HashMap<>();

    private final List<Skip> skipped = new ArrayList<>();
    private long blobsScanned;
    private long bytesScanned;

    public BlobFindings(Engine engine, ObjectReader reader) {
        this.engine = engine;
        this.reader = reader;
        this.maxSize = engine.config().maxFileSize();
        this.archives = new ArchiveScanner(engine);
    }

    private record Cached(String path, List<Finding> findings) {}

    /**
     * Findings in the whole blob, labelled with {@code path} (entries of an archive blob as {@code
     * path!/entry}); binaries are scanned through their printable runs; empty for LFS pointers and
     * skipped blobs.
     */
    public List<Finding> of(AnyObjectId blob, String path) {
        Cached c = cache.get(blob);
        if (c == null) {
            c = new Cached(path, scan(blob, path));
            cache.put(blob.copy(), c);
        }
        if (c.findings().isEmpty() || c.path().equals(path)) return c.findings();
        List<Finding> out = new ArrayList<>(c.findings().size());
        for (Finding f : c.findings())
            out.add(f.withPath(path + f.path().substring(c.path().length()))); // keeps "!/entry"
        return out;
    }

    private List<Finding> scan(AnyObjectId blob, String path) {
        Blob.Content c = Blob.read(reader, blob, path, maxSize);
        if (c.skip() != null) {
            skipped.add(c.skip());
            return List.of();
        }
        if (c.bytes() == null) return List.of();
        blobsScanned++;
        bytesScanned += c.bytes().length;
        ArchiveScanner.Format archive = ArchiveScanner.detect(c.bytes(), 0, c.bytes().length);
        if (archive != null) {
            ArchiveScanner.Result r =
                    archives.scan(new ByteArrayInputStream(c.bytes()), archive, path);
            skipped.addAll(r.skipped());
            return r.findings().isEmpty() ? List.of() : List.copyOf(r.findings());
        }
        List<Finding> fs = engine.scan(c.bytes(), path);
        return fs.isEmpty() ? List.of() : List.copyOf(fs);
    }

    public List<Skip> skipped() {
        return skipped;
    }

    public long blobsScanned() {
        return blobsScanned;
    }

    public long bytesScanned() {
        return bytesScanned;
    }
}
