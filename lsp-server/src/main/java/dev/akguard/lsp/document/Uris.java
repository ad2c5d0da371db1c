package dev.akguard.lsp.document;

import java.net.URI;
import java.nio.file.Path;

/**
 * file: URIs from clients to paths. Clients differ in how they escape, so both forms are accepted.
 */
public final class Uris {
    private Uris() {}

    /**
     * The file behind a {@code file:} URI, or null for other schemes (untitled:, jdt:, …) and
     * malformed URIs.
     */
    public static Path toPath(String uri) {
        if (uri == null || !uri.regionMatches(true, 0, "file:", 0, 5)) return null;
        try {
            return Path.of(URI.create(uri)).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            try { // unescaped spaces or other characters some clients leave as they are
                return Path.of(
                                new URI(
                                        "file",
                                        null,
                                        URI.create("file:///").getPath()
                                                + uri.substring(5).replaceFirst("^/+", ""),
                                        null))
                        .toAbsolutePath()
                        .normalize();
            } catch (Exception e2) {
                return null;
            }
        }
    }

    /** Last path segment of a URI, used as the name of documents that are not files. */
    public static String name(String uri) {
        int i = uri.lastIndexOf('/');
        return i >= 0 && i + 1 < uri.length() ? uri.substring(i + 1) : uri;
    }
}
