package dev.akguard.core.source;

import dev.akguard.core.Engine;
import dev.akguard.core.detect.LineIndex;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.report.ByteSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Scans one file: text, a binary's printable runs, or an archive's entries ({@link
 * ArchiveScanner}). Files up to {@link #WHOLE_FILE_LIMIT} are read at once into a per-thread buffer
 * that is reused from file to file; larger ones stream through a fixed window whose neighbours
 * overlap by more than the pairing window, so a file of any size runs in a few megabytes of heap
 * and a key at its very end is still found and paired.
 */
public final class FileScanner {
    static final int WHOLE_FILE_LIMIT = 16 << 20;
    static final int CHUNK = 8 << 20;

    private final Engine engine;
    private final ArchiveScanner archives;
    private final long maxFileSize;
    private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[64 << 10]);

    public FileScanner(Engine engine) {
        this.engine = engine;
        this.archives = new ArchiveScanner(engine);
        this.maxFileSize = engine.config().maxFileSize();
    }

    /**
     * What scanning a file produced: findings, or the reason it was skipped; {@code inner}: what
     * could not be scanned inside it (archive entries over the limits, nesting too deep, corrupt
     * parts).
     */
    public record Result(List<Finding> findings, Skip skip, long bytes, List<Skip> inner) {
        public Result(List<Finding> findings, Skip skip, long bytes) {
            this(findings, skip, bytes, List.of());
        }
    }

    public Result scan(SourceFile source) {
        String rel = source.relativePath();
        try (FileChannel ch = FileChannel.open(source.file(), StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > maxFileSize) {
                return new Result(
                        List.of(),
                        new Skip(
                                rel,
                                Skip.Reason.TOO_LARGE,
                                ByteSize.format(size) + " > " + ByteSize.format(maxFileSize)),
                        0);
            }
            if (size <= WHOLE_FILE_LIMIT) return scanWhole(ch, (int) size, rel);
            return scanStreaming(ch, rel, size);
        } catch (java.nio.file.AccessDeniedException e) {
            return new Result(
                    List.of(), new Skip(rel, Skip.Reason.UNREADABLE, "permission denied"), 0);
        } catch (IOException e) {
            return new Result(List.of(), new Skip(rel, Skip.Reason.UNREADABLE, e.getMessage()), 0);
        }
    }

    private Result scanWhole(FileChannel ch, int size, String rel) throws IOException {
        byte[] buf = buffers.get();
        if (buf.length < size + 1) {
            buf = new byte[Math.max(size + 1, buf.length * 2)];
            if (buf.length <= WHOLE_FILE_LIMIT / 4)
                buffers.set(buf); // keep only modest buffers per thread
        }
        ByteBuffer bb = ByteBuffer.wrap(buf);
        int n = 0;
        // Read until EOF rather than trusting size: files can grow or shrink while we read them.
        while (n < buf.length) {
            int r = ch.read(bb);
            if (r < 0) break;
            n += r;
            if (n == buf.length && n <= WHOLE_FILE_LIMIT) {
                byte[] bigger = java.util.Arrays.copyOf(buf, buf.length * 2);
                bb = ByteBuffer.wrap(bigger);
                bb.position(n);
                buf = bigger;
            }
        }
        ArchiveScanner.Format archive = ArchiveScanner.detect(buf, 0, n);
        if (archive != null) {
            ArchiveScanner.Result r =
                    archives.scan(new java.io.ByteArrayInputStream(buf, 0, n), archive, rel);
            return new Result(r.findings(), null, n, r.skipped());
        }
        TextContent content = TextContent.of(buf, 0, n);
        return new Result(engine.scan(content, rel), null, n);
    }

    private Result scanStreaming(FileChannel ch, String rel, long size) throws IOException {
        byte[] head = new byte[TextContent.SNIFF];
        int hn = ch.read(ByteBuffer.wrap(head));
        ch.position(0);
        TextContent.Kind kind = TextContent.sniff(head, 0, Math.max(hn, 0));
        InputStream raw = Channels.newInputStream(ch);
        ArchiveScanner.Format archive = ArchiveScanner.detect(head, 0, Math.max(hn, 0));
        if (archive != null) {
            ArchiveScanner.Result r =
                    archives.scan(new java.io.BufferedInputStream(raw, 1 << 16), archive, rel);
            return new Result(r.findings(), null, size, r.skipped());
        }
        if (kind == TextContent.Kind.BINARY)
            return new Result(scanStream(raw, rel, true), null, size);
        if (kind == TextContent.Kind.UTF16) {
            boolean be = TextContent.isBigEndian(head, 0, Math.max(hn, 0));
            // Java's "UTF-16" decoder consumes a BOM; without one, pick the byte order the sniffer
            // saw.
            boolean bom = hn >= 2 && ((head[0] & 0xff) == 0xFE || (head[0] & 0xff) == 0xFF);
            raw =
                    new Utf8Transcoder(
                            new InputStreamReader(
                                    raw,
                                    bom
                                            ? StandardCharsets.UTF_16
                                            : be
                                                    ? StandardCharsets.UTF_16BE
                                                    : StandardCharsets.UTF_16LE));
        }
        return new Result(scanStream(raw, rel), null, size);
    }

    /** Streams UTF-8 (or ASCII-compatible) text through overlapping windows. */
    public List<Finding> scanStream(InputStream in, String rel) throws IOException {
        return scanStream(in, rel, false);
    }

    /** Streams text, or a binary's printable runs, through overlapping windows. */
    public List<Finding> scanStream(InputStream in, String rel, boolean binary) throws IOException {
        int margin = engine.config().detectorOptions().windowBytes() + 4096;
        byte[] buf = new byte[CHUNK + 2 * margin];
        List<Finding> out = new ArrayList<>();
        int keep = 0;
        long bufAbs = 0;
        int lineAtBuf = 1, colAtBuf = 0;
        boolean first = true;
        while (true) {
            int total = keep;
            boolean eof = false;
            while (total < buf.length) {
                int r = in.read(buf, total, buf.length - total);
                if (r < 0) {
                    eof = true;
                    break;
                }
                total += r;
            }
            int start = 0;
            if (!binary
                    && first
                    && total >= 3
                    && (buf[0] & 0xff) == 0xEF
                    && (buf[1] & 0xff) == 0xBB
                    && (buf[2] & 0xff) == 0xBF) start = 3;
            int ownFrom = first ? start : margin;
            int ownTo = eof ? total : total - margin;
            LineIndex lines = new LineIndex(buf, start, bufAbs + start, lineAtBuf, colAtBuf);
            out.addAll(
                    binary
                            ? engine.scanBinary(buf, start, total, ownFrom, ownTo, rel, lines)
                            : engine.scanText(buf, start, total, ownFrom, ownTo, rel, lines));
            if (eof) break;
            int next = ownTo - margin;
            LineIndex counter = new LineIndex(buf, start, bufAbs + start, lineAtBuf, colAtBuf);
            counter.skipTo(next);
            lineAtBuf = counter.line();
            colAtBuf = counter.column();
            System.arraycopy(buf, next, buf, 0, total - next);
            keep = total - next;
            bufAbs += next;
            first = false;
        }
        return out;
    }

    /**
     * Re-encodes characters as UTF-8 bytes, so UTF-16 files stream through the same byte pipeline.
     */
    static final class Utf8Transcoder extends InputStream {
        private final Reader reader;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        private final CharBuffer chars = CharBuffer.allocate(64 << 10);
        private final ByteBuffer bytes = ByteBuffer.allocate(256 << 10);
        private boolean eof;

        Utf8Transcoder(Reader reader) {
            this.reader = reader;
            chars.flip();
            bytes.flip();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (!bytes.hasRemaining()) {
                if (eof && !chars.hasRemaining()) return -1;
                chars.compact();
                int r = eof ? -1 : reader.read(chars);
                chars.flip();
                if (r < 0) eof = true;
                bytes.clear();
                CoderResult cr = encoder.encode(chars, bytes, eof);
                if (cr.isError())
                    chars.position(chars.position() + cr.length()); // unpaired surrogate: drop it
                bytes.flip();
            }
            int n = Math.min(len, bytes.remaining());
            bytes.get(b, off, n);
            return n;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
