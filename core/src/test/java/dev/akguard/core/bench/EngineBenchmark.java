package dev.akguard.core.bench;

import dev.akguard.core.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
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
 * Single-thread engine throughput on realistic source text: the first {@code akguard.bench.mb} MB
 * of .java files from a JDK's lib/src.zip (the JDK's own sources), scanned file by file as `akguard
 * scan` does. One operation = one pass over all files; MB/s = corpus MB x ops/s (bench/engine.sh
 * prints it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class EngineBenchmark {
    private final Engine engine = Engine.defaults();
    private List<byte[]> files;
    public static long totalBytes;

    @Setup
    public void load() throws IOException {
        files =
                load(
                        Path.of(
                                System.getProperty(
                                        "akguard.bench.srczip",
                                        Path.of(System.getProperty("java.home"), "lib", "src.zip")
                                                .toString())),
                        Long.getLong("akguard.bench.mb", 64) << 20);
    }

    static List<byte[]> load(Path srcZip, long limit) throws IOException {
        List<byte[]> out = new ArrayList<>();
        long total = 0;
        try (ZipFile zip = new ZipFile(srcZip.toFile())) {
            Enumeration<? extends ZipEntry> en = zip.entries();
            while (en.hasMoreElements() && total < limit) {
                ZipEntry e = en.nextElement();
                if (e.isDirectory() || !e.getName().endsWith(".java")) continue;
                try (InputStream in = zip.getInputStream(e)) {
                    byte[] b = in.readAllBytes();
                    out.add(b);
                    total += b.length;
                }
            }
        }
        if (out.isEmpty())
            throw new IOException(
                    "no .java files in "
                            + srcZip
                            + " (install a JDK with lib/src.zip, e.g. openjdk-17-source)");
        totalBytes = total;
        return out;
    }

    @Benchmark
    public void scanJdkSources(Blackhole bh) {
        for (byte[] f : files) bh.consume(engine.scan(f, "F.java"));
    }

    /** Prints the corpus size so the script can turn ops/s into MB/s. */
    public static void main(String[] args) throws IOException {
        long limit = Long.getLong("akguard.bench.mb", 64) << 20;
        List<byte[]> f = load(Path.of(args[0]), limit);
        System.out.println(f.size() + " files " + totalBytes + " bytes");
    }
}
