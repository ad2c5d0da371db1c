package dev.akguard.git.scan;

import dev.akguard.core.source.Skip;
import dev.akguard.git.GitException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;

/**
 * Reads a blob for scanning: its bytes, or the reason it is not scanned. Git LFS pointers are
 * skipped because they hold a hash of the content, not the content; blobs above the size limit are
 * skipped and reported.
 */
public final class Blob {
    static final byte[] LFS_PREFIX =
            "version https://git-lfs.github.com/spec/v1".getBytes(StandardCharsets.US_ASCII);
    static final int LFS_MAX_POINTER = 1024;
    static final long ARRAY_LIMIT = Integer.MAX_VALUE - 16;
    static final org.eclipse.jgit.lib.ObjectId EMPTY =
            new org.eclipse.jgit.lib.ObjectInserter.Formatter()
                    .idFor(Constants.OBJ_BLOB, new byte[0]);

    /** Either {@code bytes} or {@code skip} is set. */
    public record Content(byte[] bytes, Skip skip) {}

    private Blob() {}

    public static Content read(ObjectReader reader, AnyObjectId id, String path, long maxSize) {
        // The empty blob need not exist in the object database (`git add -N` stages its id);
        // nothing to read anyway.
        if (EMPTY.equals(id)) return new Content(new byte[0], null);
        try {
            ObjectLoader loader = reader.open(id, Constants.OBJ_BLOB);
            long size = loader.getSize();
            if (size > maxSize || size > ARRAY_LIMIT) {
                return new Content(
                        null,
                        new Skip(
                                path,
                                Skip.Reason.TOO_LARGE,
                                size + " bytes in blob " + id.abbreviate(10).name()));
            }
            byte[] bytes;
            try {
                bytes = loader.getCachedBytes((int) Math.min(size + 1, ARRAY_LIMIT));
            } catch (LargeObjectException e) {
                try (InputStream in = loader.openStream()) {
                    bytes = in.readAllBytes();
                }
            }
            if (isLfsPointer(bytes)) return new Content(null, null);
            return new Content(bytes, null);
        } catch (MissingObjectException e) {
            throw new GitException(
                    "blob "
                            + id.name()
                            + " ("
                            + path
                            + ") is missing from the repository: it is corrupt or a partial clone; "
                            + "run `git fsck`, or fetch the missing objects",
                    e);
        } catch (IOException e) {
            throw new GitException(
                    "cannot read blob " + id.name() + " (" + path + "): " + e.getMessage(), e);
        }
    }

    /** LFS pointer files are small and start with the spec line. */
    static boolean isLfsPointer(byte[] b) {
        if (b.length > LFS_MAX_POINTER || b.length < LFS_PREFIX.length) return false;
        for (int i = 0; i < LFS_PREFIX.length; i++) if (b[i] != LFS_PREFIX[i]) return false;
        return true;
    }
}
