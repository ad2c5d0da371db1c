package dev.akguard.core.bench;

import dev.akguard.core.Engine;
import dev.akguard.core.source.ArchiveScanner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread throughput inside archives: the first {@code akguard.bench.mb} MB of .jar and .zip
 * files under {@code akguard.bench.jars} (default: the local Maven repository, a real tree of
 * jars), each opened and every entry scanned (class files as binaries, resources as text). One
 * operation = all files; MB/s = archive bytes (compressed, as on disk) x ops/s (bench/archives.sh
 * prints it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class ArchiveBenchmark {
    private final Engine engine = Engine.defaults();
    private final ArchiveScanner archives = new ArchiveScanner(engine);
    private List<byte[]> files;

    @Setup
    public void load() throws IOException {
        files =
                load(
                        Path.of(
                                System.getProperty(
                                        "akguard.bench.jars",
                                        Path.of(
                                                        System.getProperty("user.home"),
                                                        ".m2",
                                                        "repository")
                                                .toString())),
                        Long.getLong("akguard.bench.mb", 64) << 20);
    }

    static List<byte[]> load(Path root, long limit) throws IOException {
        List<Path> paths;
        try (Stream<Path> s = Files.walk(root)) {
            paths =
                    s.filter(p -> p.toString().endsWith(".jar") || p.toString().endsWith(".zip"))
                            .sorted()
                            .toList();
        }
        List<byte[]> out = new ArrayList<>();
        long total = 0;
        for (Path p : paths) {
            if (total >= limit) break;
            byte[] b = Files.readAllBytes(p);
            if (ArchiveScanner.detect(b, 0, b.length) != ArchiveScanner.Format.ZIP) continue;
            out.add(b);
            total += b.length;
        }
        if (out.isEmpty())
            throw new IOException("no jars or zips under " + root + " (set -Dakguard.bench.jars)");
        return out;
    }

    @Benchmark
    public void scanJarsAndZips(Blackhole bh) {
        for (byte[] f : files)
            bh.consume(
                    archives.scan(new ByteArrayInputStream(f), ArchiveScanner.Format.ZIP, "a.jar"));
    }

    /** Prints the corpus size so the script can turn ops/s into MB/s. */
    public static void main(String[] args) throws IOException {
        List<byte[]> f = load(Path.of(args[0]), Long.getLong("akguard.bench.mb", 64) << 20);
        System.out.println(
                f.size() + " files " + f.stream().mapToLong(b -> b.length).sum() + " bytes");
    }
}
