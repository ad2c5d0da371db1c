package dev.akguard.git.scan;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.source.Skip;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scans each blob once, however many commits and paths carry it, and remembers what it found. The engine's
 * findings do not depend on the path (only the label does), so a cached result is relabelled for each path.
 * Not thread-safe: one per scanning thread or guarded by the caller.
 */
public final class BlobFindings {
    private final Engine engine;
    private final ObjectReader reader;
    private final long maxSize;
    private final Map<ObjectId, List<Finding>> cache = new HashMap<>();
    private final List<Skip> skipped = new ArrayList<>();
    private long blobsScanned;
    private long bytesScanned;

    public BlobFindings(Engine engine, ObjectReader reader) {
        this.engine = engine;
        this.reader = reader;
        this.maxSize = engine.config().maxFileSize();
    }

    /** Findings in the whole blob, labelled with {@code path}; empty for binary, LFS and skipped blobs. */
    public List<Finding> of(AnyObjectId blob, String path) {
        List<Finding> fs = cache.get(blob);
        if (fs == null) {
            fs = scan(blob, path);
            cache.put(blob.copy(), fs);
        }
        if (fs.isEmpty()) return fs;
        List<Finding> out = new ArrayList<>(fs.size());
        for (Finding f : fs) out.add(f.path().equals(path) ? f : f.withPath(path));
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
        List<Finding> fs = engine.scan(c.bytes(), path);
        return fs.isEmpty() ? List.of() : List.copyOf(fs);
    }

    public List<Skip> skipped() { return skipped; }

    public long blobsScanned() { return blobsScanned; }

    public long bytesScanned() { return bytesScanned; }
}
