package dev.akguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.testkit.corpus.FakeKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command in a separate JVM capped at -Xmx256m against hostile input: a 1 GB file with a
 * key at the end, a 50 MB single line, UTF-16, invalid UTF-8, binary, a FIFO, a symlink loop and
 * 100k small files. Keys must be found, nothing may crash, no stack trace may reach the user, and
 * skipped paths must be explained.
 */
class HostileInputTest {
    private final Random r = new Random(17);

    private record Result(int exit, String out, String err) {}

    private static Result akguard(Path cwd, String... args)
            throws IOException, InterruptedException {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx256m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                "dev.akguard.cli.Main"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("akguard-out", ".txt"),
                err = Files.createTempFile("akguard-err", ".txt");
        Process p =
                new ProcessBuilder(cmd)
                        .directory(cwd.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("akguard did not finish in 240 s");
        }
        Result res = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return res;
    }

    @Test
    void hostileTreeIsScannedAtSmallHeap(@TempDir Path dir) throws Exception {
        String id1 = FakeKeys.accessKeyId(r), s1 = FakeKeys.secret(r);
        // 1 GB of text with the pair at the very end.
        Path huge = dir.resolve("huge.log");
        byte[] line =
                "2026-11-28T12:00:00Z INFO worker-7 processed batch 18273 in 12 ms, nothing unusual here\n"
                        .getBytes(StandardCharsets.US_ASCII);
        byte[] block = new byte[line.length * 11_000];
        for (int i = 0; i < 11_000; i++)
            System.arraycopy(line, 0, block, i * line.length, line.length);
        long lines = 0;
        try (OutputStream o = Files.newOutputStream(huge)) {
            for (long written = 0; written < 1_000_000_000L; written += block.length) {
                o.write(block);
                lines += 11_000;
            }
            o.write(
                    ("accessKeyId=" + id1 + "\naccessKeySecret=" + s1 + "\n")
                            .getBytes(StandardCharsets.US_ASCII));
        }
        // 50 MB on one line with a pair in the middle.
        String id2 = FakeKeys.accessKeyId(r), s2 = FakeKeys.secret(r);
        try (OutputStream o = Files.newOutputStream(dir.resolve("one-line.min.js"))) {
            byte[] chunk =
                    "var a=function(b){return b*2};"
                            .repeat(1000)
                            .getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 850; i++) o.write(chunk);
            o.write(
                    ("var k={accessKeyId:\"" + id2 + "\",accessKeySecret:\"" + s2 + "\"};")
                            .getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 850; i++) o.write(chunk);
        }
        // UTF-16 with BOM, invalid UTF-8, binary, FIFO, symlink loop.
        String id3 = FakeKeys.accessKeyId(r), s3 = FakeKeys.secret(r);
        Files.write(
                dir.resolve("utf16.ini"),
                ("\uFEFF[default]\r\naccess_key_id = "
                                + id3
                                + "\r\naccess_key_secret = "
                                + s3
                                + "\r\n")
                        .getBytes(StandardCharsets.UTF_16LE));
        String id4 = FakeKeys.accessKeyId(r), s4 = FakeKeys.secret(r);
        byte[] invalid =
                ("# \u00e9\u00e8 caf\u00e9 " + "\nak = \"" + id4 + "\"\nsk = \"" + s4 + "\"\n")
                        .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("latin1.py"), invalid);
        Files.write(
                dir.resolve("image.png"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 'I', 'H', 'D', 'R'});
        assertEquals(
                0, new ProcessBuilder("mkfifo", dir.resolve("pipe").toString()).start().waitFor());
        Files.createDirectories(dir.resolve("loop"));
        Files.createSymbolicLink(dir.resolve("loop/self"), dir.resolve("loop"));
        // 100k small files, one of them with an ID.
        Path many = dir.resolve("many");
        Files.createDirectories(many);
        for (int d = 0; d < 100; d++) {
            Path sub = Files.createDirectories(many.resolve("d" + d));
            for (int f = 0; f < 1000; f++)
                Files.writeString(sub.resolve("f" + f + ".txt"), "file " + d + "/" + f + "\n");
        }
        String id5 = FakeKeys.accessKeyId(r);
        Files.writeString(many.resolve("d42/f7.txt"), "deploy key " + id5 + "\n");

        Result res = akguard(dir, "scan", ".", "--follow-symlinks", "--format", "json");
        assertEquals(1, res.exit(), res.err());
        assertFalse(
                res.err().contains("Exception") || res.err().contains("\tat "),
                "stack trace reached the user:\n" + res.err());
        var arr = com.google.gson.JsonParser.parseString(res.out()).getAsJsonArray();
        List<String> ids = new ArrayList<>();
        arr.forEach(e -> ids.add(e.getAsJsonObject().get("accessKeyId").getAsString()));
        assertTrue(ids.containsAll(List.of(id1, id2, id3, id4, id5)), ids.toString());
        for (var e : arr) {
            var o = e.getAsJsonObject();
            if (o.get("accessKeyId").getAsString().equals(id1)) {
                assertEquals(lines + 1, o.get("line").getAsLong());
                assertEquals("alibaba-access-key-pair", o.get("ruleId").getAsString());
            }
        }
        assertFalse(
                res.err().contains("image.png"),
                "a binary is scanned (through its strings), not skipped: " + res.err());
        assertTrue(
                res.err().contains("not a regular file") && res.err().contains("pipe"), res.err());
        assertTrue(
                res.err().contains("symbolic link loop") && res.err().contains("loop/self"),
                res.err());
        assertTrue(
                res.err().contains("in 100005 files"),
                res.err()); // 100k + huge + one-line + utf16 + latin1 + the PNG

        Result capped = akguard(dir, "scan", "huge.log", "--max-file-size", "100m");
        assertEquals(
                2,
                capped.exit(),
                capped.err()); // a named file that cannot be scanned is an error (issue 12)
        assertTrue(capped.err().contains("cannot scan huge.log"), capped.err());
        assertTrue(
                capped.err().contains("larger than --max-file-size")
                        && capped.err().contains("raise --max-file-size"),
                capped.err());
        Files.delete(huge);
    }
}
