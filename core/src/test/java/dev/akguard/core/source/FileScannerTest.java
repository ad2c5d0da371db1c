package dev.akguard.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.akguard.core.Engine;
import dev.akguard.core.ScanSettings;
import dev.akguard.core.detect.TestKeys;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.Rule;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileScannerTest {
    private final Random r = new Random(9);

    @Test
    void hugeFileStreamsAndFindsPairsEverywhereWithRightLines(@TempDir Path dir) throws Exception {
        String id1 = TestKeys.id(r),
                s1 = TestKeys.secret(r),
                id2 = TestKeys.id(r),
                s2 = TestKeys.secret(r);
        Path f = dir.resolve("big.log");
        String filler =
                "2024-01-01 INFO nothing to see here, just a log line of moderate length\n"; // 73
        // bytes
        long lines = 0;
        try (OutputStream out = Files.newOutputStream(f)) {
            byte[] fl = filler.getBytes(StandardCharsets.US_ASCII);
            // Put the first pair exactly across the first window boundary (8 MiB), the second at
            // the very end.
            long target = FileScanner.CHUNK - fl.length;
            long written = 0;
            while (written < target) {
                out.write(fl);
                written += fl.length;
                lines++;
            }
            out.write(("accessKeyId=" + id1 + "\n").getBytes(StandardCharsets.US_ASCII));
            out.write(("accessKeySecret=" + s1 + "\n").getBytes(StandardCharsets.US_ASCII));
            long l1 = lines + 1;
            lines += 2;
            for (int i = 0; i < 300_000; i++) {
                out.write(fl);
                lines++;
            }
            out.write(("id " + id2 + " secret " + s2).getBytes(StandardCharsets.US_ASCII));
            lines++;
            List<Finding> found =
                    new FileScanner(Engine.defaults())
                            .scan(new SourceFile(f, "big.log"))
                            .findings();
            assertEquals(2, found.size(), found.toString());
            assertEquals(id1, found.get(0).accessKeyId());
            assertEquals(s1, found.get(0).secret().value());
            assertEquals(l1, found.get(0).id().line());
            assertEquals(lines, found.get(1).id().line());
            assertEquals(Rule.ACCESS_KEY_PAIR, found.get(1).rule());
            assertEquals(4, found.get(1).id().column());
        }
    }

    @Test
    void sizeCapIsSkippedWithAReason(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.txt");
        Files.write(big, new byte[2048]);
        var cfg = ScanSettings.defaults().config().withMaxFileSize(1024);
        FileScanner.Result res =
                new FileScanner(Engine.create(ScanSettings.defaults().withConfig(cfg)))
                        .scan(new SourceFile(big, "big.txt"));
        assertEquals(Skip.Reason.TOO_LARGE, res.skip().reason());
    }

    /**
     * A compiled program's layout: noise, then the ID and the secret as NUL-terminated constants
     * beside their names.
     */
    static byte[] fakeBinary(Random r, int noise, String id, String secret) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] junk = new byte[noise];
        r.nextBytes(junk);
        out.writeBytes(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
        out.writeBytes(junk);
        out.writeBytes(
                ("\0accessKeyId\0" + id + "\0accessKeySecret\0" + secret + "\0")
                        .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(junk);
        return out.toByteArray();
    }

    @Test
    void binaryFilesAreScannedThroughTheirPrintableRunsWithByteOffsets(@TempDir Path dir)
            throws Exception {
        String id = TestKeys.id(r), s = TestKeys.secret(r);
        byte[] bin = fakeBinary(r, 5000, id, s);
        Path f = dir.resolve("app.bin");
        Files.write(f, bin);
        FileScanner.Result res =
                new FileScanner(Engine.defaults()).scan(new SourceFile(f, "app.bin"));
        assertNull(res.skip());
        assertEquals(1, res.findings().size(), res.findings().toString());
        Finding x = res.findings().get(0);
        assertEquals(Rule.ACCESS_KEY_PAIR, x.rule());
        assertEquals(s, x.secret().value());
        assertEquals("binary", x.encoding());
        assertEquals(id, new String(bin, (int) x.id().offset(), 24, StandardCharsets.US_ASCII));
        assertEquals(
                s,
                new String(bin, (int) x.secretPosition().offset(), 30, StandardCharsets.US_ASCII));
    }

    @Test
    void utf16StringTablesInBinariesAreRead(@TempDir Path dir) throws Exception {
        String id = TestKeys.id(r), s = TestKeys.secret(r);
        byte[] head = new byte[300];
        r.nextBytes(head);
        head[0] = 0; // binary for sure
        byte[] wide =
                ("AccessKeyId=" + id + ";AccessKeySecret=" + s).getBytes(StandardCharsets.UTF_16LE);
        Path f = dir.resolve("App.dll");
        Files.write(f, concat(head, wide, head));
        List<Finding> found =
                new FileScanner(Engine.defaults()).scan(new SourceFile(f, "App.dll")).findings();
        assertEquals(1, found.size(), found.toString());
        assertEquals(s, found.get(0).secret().value());
        assertEquals(300 + 2 * "AccessKeyId=".length(), found.get(0).id().offset());
    }

    @Test
    void binaryNoiseFlagsNothing(@TempDir Path dir) throws Exception {
        byte[] noise = new byte[4 << 20];
        new Random(5).nextBytes(noise);
        Path f = dir.resolve("noise.bin");
        Files.write(f, noise);
        FileScanner.Result res =
                new FileScanner(Engine.defaults()).scan(new SourceFile(f, "noise.bin"));
        assertNull(res.skip());
        assertEquals(List.of(), res.findings());
    }

    @Test
    void hugeBinariesStreamToo(@TempDir Path dir) throws Exception {
        String id = TestKeys.id(r), s = TestKeys.secret(r);
        Path f = dir.resolve("big.so");
        byte[] tail = fakeBinary(r, 100, id, s);
        try (OutputStream out = Files.newOutputStream(f)) {
            byte[] block = new byte[1 << 20];
            for (int i = 0; i < 20; i++) {
                r.nextBytes(block);
                out.write(block);
            }
            out.write(tail);
        }
        FileScanner.Result res =
                new FileScanner(Engine.defaults()).scan(new SourceFile(f, "big.so"));
        assertNull(res.skip());
        assertEquals(1, res.findings().size(), res.findings().toString());
        assertEquals(s, res.findings().get(0).secret().value());
        try (var ch = java.nio.channels.FileChannel.open(f)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(24);
            ch.read(b, res.findings().get(0).id().offset());
            assertEquals(id, new String(b.array(), StandardCharsets.US_ASCII));
        }
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    @Test
    void largeUtf16FileStreamsThroughTheTranscoder(@TempDir Path dir) throws Exception {
        String id = TestKeys.id(r), s = TestKeys.secret(r);
        StringBuilder sb = new StringBuilder("\uFEFF");
        String filler = "注释 comment line that is not interesting at all\n";
        while (sb.length() < 9_000_000) sb.append(filler);
        sb.append("ak = \"").append(id).append("\"\nsk = \"").append(s).append("\"\n");
        Path f = dir.resolve("u16.txt");
        Files.write(f, sb.toString().getBytes(StandardCharsets.UTF_16LE));
        FileScanner.Result res =
                new FileScanner(Engine.defaults()).scan(new SourceFile(f, "u16.txt"));
        assertNull(res.skip());
        assertEquals(1, res.findings().size());
        assertEquals(s, res.findings().get(0).secret().value());
    }
}
