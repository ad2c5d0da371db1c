package dev.akguard.core.detect;

/**
 * Tunables of the pairing window. An ID and a secret pair only when they are at most {@code windowLines}
 * lines and {@code windowBytes} bytes apart (bytes bound minified one-line files).
 */
public record DetectorOptions(int windowLines, int windowBytes) {
    public static final DetectorOptions DEFAULT = new DetectorOptions(80, 16 * 1024);

    public DetectorOptions {
        if (windowLines < 0 || windowBytes < 64) throw new IllegalArgumentException("pairing window too small");
    }
}
