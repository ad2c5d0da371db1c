package dev.akguard.core.detect;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A region of the buffer with its encoded runs replaced by what they decode to, so the detector can
 * run on it again; every offset in the view maps back onto the original buffer (a decoded run onto
 * the whole encoded run, raw text one to one).
 */
final class DecodedView {
    /** [viewStart, viewEnd) in the view came from [origStart, origEnd) in the buffer. */
    record Segment(int viewStart, int viewEnd, int origStart, int origEnd, boolean decoded) {}

    private final byte[] bytes;
    private final List<Segment> segments;

    private DecodedView(byte[] bytes, List<Segment> segments) {
        this.bytes = bytes;
        this.segments = segments;
    }

    byte[] bytes() {
        return bytes;
    }

    Segment segmentOf(int viewOffset) {
        int lo = 0, hi = segments.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (segments.get(mid).viewStart() <= viewOffset) lo = mid;
            else hi = mid - 1;
        }
        return segments.get(lo);
    }

    /** The original span of {@code [viewStart, viewEnd)}, which lies in segment {@code s}. */
    static int[] toOriginal(Segment s, int viewStart, int viewEnd) {
        if (s.decoded()) return new int[] {s.origStart(), s.origEnd()};
        return new int[] {
            s.origStart() + (viewStart - s.viewStart()), s.origStart() + (viewEnd - s.viewStart())
        };
    }

    /** Collects raw and decoded pieces in order. */
    static final class Builder {
        private final byte[] a;
        private final ByteArrayOutputStream view;
        private final List<Segment> segments = new ArrayList<>();
        private int copyFrom;
        private boolean anyDecoded;

        Builder(byte[] a, int regionStart, int regionEnd) {
            this.a = a;
            this.copyFrom = regionStart;
            this.view = new ByteArrayOutputStream(Math.max(16, regionEnd - regionStart));
        }

        /**
         * {@code a[start, end)} decodes to {@code decoded}; the raw text before it since the last
         * piece is kept as is.
         */
        void decoded(int start, int end, byte[] decoded) {
            raw(copyFrom, start);
            segments.add(new Segment(view.size(), view.size() + decoded.length, start, end, true));
            view.write(decoded, 0, decoded.length);
            copyFrom = end;
            anyDecoded = true;
        }

        /** The view, or null when nothing in the region was decoded. */
        DecodedView finish(int regionEnd) {
            if (!anyDecoded) return null;
            raw(copyFrom, Math.max(copyFrom, regionEnd));
            return new DecodedView(view.toByteArray(), segments);
        }

        private void raw(int from, int to) {
            if (to <= from) return;
            segments.add(new Segment(view.size(), view.size() + (to - from), from, to, false));
            view.write(a, from, to - from);
        }
    }
}
