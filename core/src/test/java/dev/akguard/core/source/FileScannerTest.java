package dev.akguard.core.source;

import dev.akguard.core.Engine;
import dev.akguard.core.ScanSettings;
import dev.akguard.core.detect.TestKeys;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FileScannerTest {
    private final Random r = new Random(9);

    @Test
    void hugeFileStreamsAndFindsPairsEverywhereWithRightLines(@TempDir Path dir) throws Exception {
        String id1 = TestKeys.id(r), s1 = TestKeys.secret(r), id2 = TestKeys.id(r), s2 = TestKeys.secret(r);
        Path f = dir.resolve("big.log");
        String filler = "2024-01-01 INFO nothing to see here, just a log line of moderate length\n"; // 73 bytes
        long lines = 0;
        try (OutputStream out = Files.newOutputStream(f)) {
            byte[] fl = filler.getBytes(StandardCharsets.US_ASCII);
            // Put the first pair exactly across the first window boundary (8 MiB), the second at the very end.
            long target = FileScanner.CHUNK - fl.length;
            long written = 0;
            while (written < target) { out.write(fl); written += fl.length; lines++; }
            out.write(("accessKeyId=" + id1 + "\n").getBytes(StandardCharsets.US_ASCII));
            out.write(("accessKeySecret=" + s1 + "\n").getBytes(StandardCharsets.US_ASCII));
            long l1 = lines + 1;
            lines += 2;
            for (int i = 0; i < 300_000; i++) { out.write(fl); lines++; }
            out.write(("id " + id2 + " secret " + s2).getBytes(StandardCharsets.US_ASCII));
            lines++;
            List<Finding> found = new FileScanner(Engine.defaults()).scan(new SourceFile(f, "big.log")).findings();
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
    void sizeCapAndBinaryAreSkippedWithAReason(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.txt");
        Files.write(big, new byte[2048]);
        var cfg = ScanSettings.defaults().config().withMaxFileSize(1024);
        FileScanner.Result res = new FileScanner(Engine.create(ScanSettings.defaults().withConfig(cfg))).scan(new SourceFile(big, "big.txt"));
        assertEquals(Skip.Reason.TOO_LARGE, res.skip().reason());
        Path bin = dir.resolve("x.bin");
        Files.write(bin, new byte[] {1, 2, 0, 4});
        assertEquals(Skip.Reason.BINARY, new FileScanner(Engine.defaults()).scan(new SourceFile(bin, "x.bin")).skip().reason());
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
        FileScanner.Result res = new FileScanner(Engine.defaults()).scan(new SourceFile(f, "u16.txt"));
        assertNull(res.skip());
        assertEquals(1, res.findings().size());
        assertEquals(s, res.findings().get(0).secret().value());
    }
}
