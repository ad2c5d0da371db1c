package dev.akguard.core.report;

/** Byte counts for people: "512 B", "3.4 KiB", "12.0 MiB", "1.07 GiB". */
public final class ByteSize {
    private ByteSize() {}

    public static String format(long bytes) {
        if (bytes >= 1L << 30) return String.format("%.2f GiB", bytes / (double) (1L << 30));
        if (bytes >= 1L << 20) return String.format("%.1f MiB", bytes / (double) (1L << 20));
        if (bytes >= 1L << 10) return String.format("%.1f KiB", bytes / (double) (1L << 10));
        return bytes + " B";
    }
}
