package dev.akguard.core.detect;

/**
 * Tunables of detection. An ID and a secret pair only when they are at most {@code windowLines}
 * lines and {@code windowBytes} bytes apart (bytes bound minified one-line files). Encoded text
 * (base64, hex, {@code \\uXXXX}) is decoded up to {@code maxDecodeDepth} layers deep. Archives are
 * opened up to {@code archiveDepth} levels deep (0: not opened), expanding at most {@code
 * archiveMaxBytes} bytes in all.
 */
public record DetectorOptions(
        int windowLines,
        int windowBytes,
        int maxDecodeDepth,
        int archiveDepth,
        long archiveMaxBytes) {
    public static final int DEFAULT_DECODE_DEPTH = 2;
    public static final int DEFAULT_ARCHIVE_DEPTH = 3;
    public static final long DEFAULT_ARCHIVE_MAX_BYTES = 256L << 20;
    public static final DetectorOptions DEFAULT = new DetectorOptions(80, 16 * 1024);

    public DetectorOptions {
        if (windowLines < 0 || windowBytes < 64)
            throw new IllegalArgumentException("pairing window too small");
        if (maxDecodeDepth < 0 || maxDecodeDepth > 8)
            throw new IllegalArgumentException("decode depth must be between 0 and 8");
        if (archiveDepth < 0 || archiveDepth > 16)
            throw new IllegalArgumentException("archive depth must be between 0 and 16");
        if (archiveMaxBytes < 1)
            throw new IllegalArgumentException("archive size budget must be positive");
    }

    public DetectorOptions(int windowLines, int windowBytes) {
        this(
                windowLines,
                windowBytes,
                DEFAULT_DECODE_DEPTH,
                DEFAULT_ARCHIVE_DEPTH,
                DEFAULT_ARCHIVE_MAX_BYTES);
    }

    public DetectorOptions withMaxDecodeDepth(int d) {
        return new DetectorOptions(windowLines, windowBytes, d, archiveDepth, archiveMaxBytes);
    }

    public DetectorOptions withArchives(int depth, long maxBytes) {
        return new DetectorOptions(windowLines, windowBytes, maxDecodeDepth, depth, maxBytes);
    }
}
