package dev.akguard.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.Engine;
import dev.akguard.core.ScanSettings;
import dev.akguard.core.detect.DetectorOptions;
import dev.akguard.core.detect.TestKeys;
import dev.akguard.core.finding.Finding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives are built here at run time; nothing binary is committed. */
class ArchiveScannerTest {
    private final Random r = new Random(17);

    static byte[] zip(Object... nameThenBytes) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bo)) {
            for (int i = 0; i < nameThenBytes.length; i += 2) {
                z.putNextEntry(new ZipEntry((String) nameThenBytes[i]));
                z.write((byte[]) nameThenBytes[i + 1]);
                z.closeEntry();
            }
        }
        return bo.toByteArray();
    }

    static byte[] tarGz(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(new GZIPOutputStream(bo))) {
            TarArchiveEntry e = new TarArchiveEntry(name);
            e.setSize(content.length);
            t.putArchiveEntry(e);
            t.write(content);
            t.closeArchiveEntry();
        }
        return bo.toByteArray();
    }

    private String pairText(String id, String secret) {
        return "aliyun.accessKeyId=" + id + "\naliyun.accessKeySecret=" + secret + "\n";
    }

    private static FileScanner.Result scan(Engine engine, Path dir, String name, byte[] content)
            throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, content);
        return new FileScanner(engine).scan(new SourceFile(f, name));
    }

    @Test
    void nestedJarInsideAWarIsScannedAndNamedWithBangs(@TempDir Path dir) throws IOException {
        String id = TestKeys.id(r), s = TestKeys.secret(r);
        byte[] jar =
                zip(
                        "META-INF/MANIFEST.MF",
                        "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8),
                        "config/app.properties",
                        ("# settings\n" + pairText(id, s)).getBytes(StandardCharsets.UTF_8));
        byte[] war =
                zip(
                        "WEB-INF/lib/core.jar",
                        jar,
                        "index.html",
                        "<html></html>".getBytes(StandardCharsets.UTF_8));
        FileScanner.Result res = scan(Engine.defaults(), dir, "app.war", war);
        assertNull(res.skip());
        assertEquals(List.of(), res.inner());
        assertEquals(1, res.findings().size(), res.findings().toString());
        Finding f = res.findings().get(0);
        assertEquals("app.war!/WEB-INF/lib/core.jar!/config/app.properties", f.path());
        assertEquals(s, f.secret().value());
        assertEquals(2, f.id().line());
    }

    @Test
    void tarGzAndDocxAndBinaryEntriesAreScanned(@TempDir Path dir) throws IOException {
        String id = TestKeys.id(r), s = TestKeys.secret(r);
        FileScanner.Result tgz =
                scan(
                        Engine.defaults(),
                        dir,
                        "backup.tgz",
                        tarGz("etc/app.env", pairText(id, s).getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                List.of("backup.tgz!/etc/app.env"),
                tgz.findings().stream().map(Finding::path).toList());
        byte[] document =
                ("<w:document><w:t>AccessKey ID: "
                                + id
                                + "</w:t><w:t>AccessKey Secret: "
                                + s
                                + "</w:t></w:document>")
                        .getBytes(StandardCharsets.UTF_8);
        FileScanner.Result docx =
                scan(Engine.defaults(), dir, "notes.docx", zip("word/document.xml", document));
        assertEquals(1, docx.findings().size(), docx.findings().toString());
        assertEquals(s, docx.findings().get(0).secret().value());
        byte[] classFile = FileScannerTest.fakeBinary(r, 200, id, s);
        FileScanner.Result jar =
                scan(Engine.defaults(), dir, "lib.jar", zip("com/x/Keys.class", classFile));
        assertEquals("binary", jar.findings().get(0).encoding());
        assertEquals("lib.jar!/com/x/Keys.class", jar.findings().get(0).path());
    }

    @Test
    void zipBombStopsCleanlyAtTheBudgetKeepingWhatWasFound(@TempDir Path dir) throws IOException {
        String id = TestKeys.id(r), s = TestKeys.secret(r);
        byte[] zeros = new byte[8 << 20]; // compresses to a few KB
        byte[] bomb =
                zip(
                        "a.properties",
                        pairText(id, s).getBytes(StandardCharsets.UTF_8),
                        "zeros1",
                        zeros,
                        "zeros2",
                        zeros,
                        "zeros3",
                        zeros);
        assertTrue(bomb.length < 200_000);
        DetectorOptions small = DetectorOptions.DEFAULT.withArchives(3, 10L << 20);
        Engine engine =
                Engine.create(
                        ScanSettings.defaults()
                                .withConfig(
                                        ScanSettings.defaults()
                                                .config()
                                                .withDetectorOptions(small)));
        FileScanner.Result res = scan(engine, dir, "bomb.zip", bomb);
        assertEquals(1, res.findings().size());
        assertEquals(1, res.inner().size(), res.inner().toString());
        assertEquals(Skip.Reason.ARCHIVE_LIMIT, res.inner().get(0).reason());
        assertEquals("bomb.zip!/zeros2", res.inner().get(0).path());
    }

    @Test
    void nestingDeeperThanTheLimitIsReportedNotScanned(@TempDir Path dir) throws IOException {
        String id = TestKeys.id(r), s = TestKeys.secret(r);
        byte[] level = zip("k.env", pairText(id, s).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 3; i++) level = zip("in" + i + ".zip", level);
        FileScanner.Result res =
                scan(Engine.defaults(), dir, "deep.zip", level); // 4 levels, default depth 3
        assertEquals(List.of(), res.findings());
        assertEquals(Skip.Reason.ARCHIVE_DEPTH, res.inner().get(0).reason());
        Engine deeper =
                Engine.create(
                        ScanSettings.defaults()
                                .withConfig(
                                        ScanSettings.defaults()
                                                .config()
                                                .withDetectorOptions(
                                                        DetectorOptions.DEFAULT.withArchives(
                                                                4,
                                                                DetectorOptions
                                                                        .DEFAULT_ARCHIVE_MAX_BYTES))));
        assertEquals(
                "deep.zip!/in2.zip!/in1.zip!/in0.zip!/k.env",
                scan(deeper, dir, "deep.zip", level).findings().get(0).path());
    }

    @Test
    void corruptArchivesAndHostileNamesAreReportedSafely(@TempDir Path dir) throws IOException {
        String id = TestKeys.id(r), s = TestKeys.secret(r);
        byte[] good =
                zip("x\u001b[31m\nname.env", pairText(id, s).getBytes(StandardCharsets.UTF_8));
        FileScanner.Result res = scan(Engine.defaults(), dir, "odd.zip", good);
        assertEquals("odd.zip!/x?[31m?name.env", res.findings().get(0).path());
        byte[] random = new byte[100_000];
        r.nextBytes(random);
        byte[] truncated =
                java.util.Arrays.copyOf(zip("a.txt", random), 300); // cut inside the entry's data
        FileScanner.Result bad = scan(Engine.defaults(), dir, "bad.zip", truncated);
        assertEquals(Skip.Reason.UNREADABLE, bad.inner().get(0).reason());
    }
}
