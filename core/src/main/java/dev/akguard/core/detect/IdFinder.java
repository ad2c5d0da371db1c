package dev.akguard.core.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the prefilter's literal hits into AccessKey IDs: exact length, bounded on both sides,
 * plausibly random, and not one of the shapes that carry an ID without meaning a leak (masked, cut
 * short, inside an encoded blob, in a pre-signed URL).
 */
final class IdFinder {
    private IdFinder() {}

    /** The accepted IDs among the hits, in offset order. */
    static List<IdHit> find(byte[] a, int from, int to, IntList ltai, IntList sts) {
        List<IdHit> ids = new ArrayList<>();
        for (int k = 0; k < ltai.size; k++) {
            int off = ltai.get(k);
            int run =
                    Bytes.alnumRun(
                            a,
                            off + 4,
                            Math.min(to, off + 4 + 21)); // capped: a run of prefixes stays linear
            if ((run == 20 || run == 12) && acceptable(a, off, off + 4 + run, from, to))
                ids.add(new IdHit(off, off + 4 + run, false));
        }
        for (int k = 0; k < sts.size; k++) {
            int off = sts.get(k);
            int run = Bytes.alnumRun(a, off + 4, Math.min(to, off + 4 + 65));
            if (run >= 16 && run <= 64 && acceptable(a, off, off + 4 + run, from, to))
                ids.add(new IdHit(off, off + 4 + run, true));
        }
        ids.sort(Comparator.comparingInt(IdHit::start));
        return ids;
    }

    private static boolean acceptable(byte[] a, int start, int end, int from, int to) {
        return Bytes.leftBoundary(a, start, from)
                && Bytes.rightBoundary(a, end, to)
                && Plausibility.plausibleIdBody(a, start + 4, end)
                && !maskedOrTruncated(a, end, to)
                && !insideBase64Blob(a, start, end, from, to)
                && !inPresignedUrl(a, start, end, from, to);
    }

    /**
     * A key shown partly: "LTAI5tAbCdEfGhIj********" (docs, masked UIs, test expectations) or cut
     * short with "..." / "…". Its visible part can be exactly a legacy ID's length; nothing real
     * ends in a mask. The check looks only at what follows the key, never at its characters, so no
     * random real key fails it (rate 0); markdown bold ("**LTAI…**") has two stars, not three.
     */
    private static boolean maskedOrTruncated(byte[] a, int end, int to) {
        if (end + 3 > to) return false;
        byte b = a[end];
        if ((b == '*' || b == '.') && a[end + 1] == b && a[end + 2] == b) return true;
        return (b & 0xff) == 0xE2
                && (a[end + 1] & 0xff) == 0x80
                && (a[end + 2] & 0xff) == 0xA6; // U+2026 in UTF-8
    }

    /** "…+LTAI…/…" inside a long base64 run is a coincidence in encoded data, not a key. */
    private static boolean insideBase64Blob(byte[] a, int start, int end, int from, int to) {
        boolean gluedLeft = start > from && (a[start - 1] == '+' || a[start - 1] == '/');
        boolean gluedRight = end < to && (a[end] == '+' || a[end] == '/');
        if (!gluedLeft && !gluedRight) return false;
        int l = start, r = end;
        int lf = Math.max(from, start - 64),
                rt = Math.min(to, end + 64); // 40 is all we need to know
        while (l > lf && Bytes.stdBase64(a[l - 1])) l--;
        while (r < rt && Bytes.stdBase64(a[r])) r++;
        return r - l >= 40;
    }

    /**
     * OSS and other pre-signed URLs carry the AccessKey ID with a signature, never the secret, and
     * are meant to be shared: {@code ?OSSAccessKeyId=LTAI…&Expires=…&Signature=…}, V4 {@code
     * x-oss-credential=LTAI…%2F…}.
     */
    private static boolean inPresignedUrl(byte[] a, int start, int end, int from, int to) {
        int keyFloor = Math.max(from, start - 24);
        String before = SecretContext.ascii(a, keyFloor, start);
        if (!(before.endsWith("accesskeyid=")
                || before.endsWith("credential=")
                || before.endsWith("accesskeyid%3d")
                || before.endsWith("credential%3d"))) return false;
        int limit = Math.min(to, end + 2048);
        int stop = end;
        while (stop < limit) {
            byte b = a[stop];
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '"' || b == '\'' || b == '<'
                    || b == '>') break;
            stop++;
        }
        int q = Math.max(keyFloor, start - 2048);
        while (q > from
                && a[q - 1] != ' '
                && a[q - 1] != '\n'
                && a[q - 1] != '"'
                && a[q - 1] != '\''
                && q > start - 2048) q--;
        return Bytes.containsIgnoreCase(a, q, stop, "signature");
    }
}
