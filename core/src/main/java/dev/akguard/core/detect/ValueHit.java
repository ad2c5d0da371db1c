package dev.akguard.core.detect;

/**
 * A candidate secret or STS token. {@code label}: SECRET or TOKEN for a labelled value; {@code
 * adjacentTo}: the ID it directly follows, or -1; {@code line}: 0-based line relative to the
 * scanned range; {@code joined}: the value's characters when it was written as several string
 * literals.
 */
record ValueHit(
        int start, int end, SecretContext.Label label, int adjacentTo, int line, String joined) {
    ValueHit(int start, int end, SecretContext.Label label, int adjacentTo, int line) {
        this(start, end, label, adjacentTo, line, null);
    }

    /**
     * The value's length: a value split into several string literals is longer in the text than its
     * characters.
     */
    int length() {
        return joined != null ? joined.length() : end - start;
    }

    String text(byte[] a) {
        return joined != null
                ? joined
                : new String(a, start, end - start, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
