package dev.akguard.core.detect;

import java.nio.charset.StandardCharsets;

/**
 * Text written entirely as {@code \\uXXXX} escapes (obfuscated JavaScript, Java and JSON string
 * literals).
 */
final class UnicodeEscapeCodec {
    /** Escapes in a row: an ID alone is 24. */
    static final int MIN_RUN = 8;

    private UnicodeEscapeCodec() {}

    static DecodedView decodeRegion(byte[] a, int to, int rs, int re) {
        DecodedView.Builder view = new DecodedView.Builder(a, rs, re);
        int i = rs;
        while (i < re) {
            if (!isEscape(a, i, to)) {
                i++;
                continue;
            }
            int j = i;
            StringBuilder sb = new StringBuilder();
            while (isEscape(a, j, to)) {
                sb.append(
                        (char)
                                Integer.parseInt(
                                        new String(a, j + 2, 4, StandardCharsets.US_ASCII), 16));
                j += 6;
            }
            if (sb.length() >= MIN_RUN) {
                byte[] d = sb.toString().getBytes(StandardCharsets.UTF_8);
                view.decoded(i, j, d);
            }
            i = j;
        }
        return view.finish(re);
    }

    private static boolean isEscape(byte[] a, int i, int to) {
        return i + 6 <= to
                && a[i] == '\\'
                && a[i + 1] == 'u'
                && Bytes.hex(a[i + 2])
                && Bytes.hex(a[i + 3])
                && Bytes.hex(a[i + 4])
                && Bytes.hex(a[i + 5]);
    }
}
