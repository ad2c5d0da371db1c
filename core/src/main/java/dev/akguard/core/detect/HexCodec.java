package dev.akguard.core.detect;

/**
 * Hex-encoded text ({@code 4c544149…}, either case): runs of an even number of hex digits that
 * decode to text.
 */
final class HexCodec {
    /** An ID alone is 48 hex digits; shorter runs are hashes' pieces and numbers. */
    static final int MIN_RUN = 32;

    private HexCodec() {}

    static DecodedView decodeRegion(byte[] a, int to, int rs, int re) {
        DecodedView.Builder view = new DecodedView.Builder(a, rs, re);
        int i = rs;
        while (i < re) {
            if (!Bytes.hex(a[i]) || (i > rs && Bytes.alnum(a[i - 1]))) {
                i++;
                continue;
            }
            int j = i;
            while (j < to && Bytes.hex(a[j])) j++;
            int len = (j - i) & ~1;
            if (len >= MIN_RUN && (j >= to || !Bytes.alnum(a[j]))) {
                byte[] d = new byte[len / 2];
                for (int k = 0; k < d.length; k++)
                    d[k] = (byte) (value(a[i + 2 * k]) << 4 | value(a[i + 2 * k + 1]));
                if (Base64Codec.looksLikeText(d)) view.decoded(i, i + len, d);
            }
            i = Math.max(j, i + 1);
        }
        return view.finish(re);
    }

    private static int value(byte b) {
        return b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
    }
}
