package dev.akguard.cli.git.server;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Standard output and standard error of one check, kept as one sequence of chunks in the order they
 * were written, so the client can replay them in that order.
 */
final class OrderedOutput {
    private final List<HookWire.Chunk> chunks = new ArrayList<>();
    private int lastStream;
    private ByteArrayOutputStream last;

    /** The stream the check writes to as {@code stream} (1 standard output, 2 standard error). */
    OutputStream stream(int stream) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                append(stream, b, off, len);
            }
        };
    }

    private synchronized void append(int stream, byte[] b, int off, int len) {
        if (len == 0) return;
        if (last == null || lastStream != stream) {
            flushLast();
            last = new ByteArrayOutputStream();
            lastStream = stream;
        }
        last.write(b, off, len);
    }

    private void flushLast() {
        if (last != null && last.size() > 0)
            chunks.add(new HookWire.Chunk(lastStream, last.toByteArray()));
        last = null;
    }

    synchronized List<HookWire.Chunk> chunks() {
        flushLast();
        return List.copyOf(chunks);
    }
}
