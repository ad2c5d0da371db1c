package dev.akguard.lsp.support;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps a copy of everything read from the server's stdout, to check it is nothing but LSP frames.
 */
public final class FrameRecorder extends FilterInputStream {
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    public FrameRecorder(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0)
            synchronized (copy) {
                copy.write(b);
            }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0)
            synchronized (copy) {
                copy.write(b, off, n);
            }
        return n;
    }

    /**
     * Number of complete frames; throws if any byte is not part of a {@code Content-Length} framed
     * message.
     */
    public int checkFrames() {
        byte[] a;
        synchronized (copy) {
            a = copy.toByteArray();
        }
        int i = 0, frames = 0;
        while (i < a.length) {
            int headerEnd = indexOf(a, i, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (headerEnd < 0)
                throw new AssertionError(
                        "stdout has bytes that are not a frame at " + i + ": " + preview(a, i));
            String header = new String(a, i, headerEnd - i, StandardCharsets.US_ASCII);
            int len = -1;
            for (String line : header.split("\r\n")) {
                if (line.startsWith("Content-Length: "))
                    len = Integer.parseInt(line.substring(16).trim());
                else if (!line.startsWith("Content-Type: "))
                    throw new AssertionError("not an LSP header line: '" + line + "' at " + i);
            }
            if (len < 0)
                throw new AssertionError(
                        "frame without Content-Length at " + i + ": " + preview(a, i));
            int body = headerEnd + 4;
            if (body + len > a.length) break; // the last frame may still be arriving
            if (a[body] != '{') throw new AssertionError("frame body is not JSON at " + body);
            i = body + len;
            frames++;
        }
        return frames;
    }

    private static String preview(byte[] a, int i) {
        return new String(a, i, Math.min(80, a.length - i), StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] a, int from, byte[] p) {
        outer:
        for (int i = from; i + p.length <= a.length; i++) {
            for (int j = 0; j < p.length; j++) if (a[i + j] != p[j]) continue outer;
            return i;
        }
        return -1;
    }
}
