package dev.akguard.core.detect;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Base64 runs (standard or URL-safe, padding optional) that decode to text. */
final class Base64Codec {
    static final int MIN_RUN = 16;

    private Base64Codec() {}

    /**
     * A view of {@code a[rs, re)} with its base64 runs decoded, or null when none decodes to text.
     */
    static DecodedView decodeRegion(byte[] a, int to, int rs, int re) {
        DecodedView.Builder view = new DecodedView.Builder(a, rs, re);
        int i = rs;
        while (i < re) {
            if (!Bytes.base64(a[i]) || (i > rs && Bytes.base64(a[i - 1]))) {
                i++;
                continue;
            }
            int j = i;
            while (j < to && Bytes.base64(a[j])) j++;
            for (int pad = 0; pad < 2 && j < to && a[j] == '='; pad++)
                j++; // padding only at the end
            if (j - i >= MIN_RUN) {
                byte[] decoded = tryDecode(a, i, j);
                if (decoded != null) view.decoded(i, j, decoded);
            }
            i = j;
        }
        return view.finish(re);
    }

    /**
     * Decodes standard or URL-safe base64 (padding optional); null unless the result looks like
     * text.
     */
    static byte[] tryDecode(byte[] a, int from, int to) {
        int end = to;
        while (end > from && a[end - 1] == '=') end--;
        int len = end - from;
        if (len % 4 == 1) return null;
        boolean urlSafe = false, std = false;
        for (int k = from; k < end; k++) {
            byte b = a[k];
            if (b == '-' || b == '_') urlSafe = true;
            else if (b == '+' || b == '/') std = true;
            else if (b == '=') return null;
        }
        if (urlSafe && std) return null;
        byte[] decoded;
        try {
            String s = new String(a, from, len, StandardCharsets.US_ASCII);
            decoded = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return looksLikeText(decoded) ? decoded : null;
    }

    static boolean looksLikeText(byte[] d) {
        if (d.length < 12) return false;
        int printable = 0;
        for (byte b : d) {
            int c = b & 0xff;
            if (c == 0) return false;
            if (c >= 0x20 && c < 0x7f || c == '\n' || c == '\r' || c == '\t' || c >= 0x80)
                printable++;
        }
        return printable * 100 >= d.length * 95;
    }
}
