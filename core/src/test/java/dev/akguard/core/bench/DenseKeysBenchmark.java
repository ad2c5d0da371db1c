package dev.akguard.core.bench;

import dev.akguard.core.Engine;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Pairing cost on a file dense with keys (reliability review M15: 50,000 pairs in 3.7 MB took 51
 * s): one whole file per operation through {@link Engine#scan}. {@code ids-first}: one pair per two
 * lines, ID then secret; {@code secret-first}: the secret's line before the ID's; {@code one-line}:
 * the same pairs as minified JSON on a single line. Keys are random, made at set-up. Run with
 * bench/dense.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class DenseKeysBenchmark {
    private static final String ALNUM =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    @Param({"ids-first", "secret-first", "one-line"})
    public String layout;

    @Param({"50000"})
    public int pairs;

    private final Engine engine = Engine.defaults();
    private byte[] file;

    @Setup
    public void make() {
        file = make(layout, pairs, new Random(1));
    }

    static byte[] make(String layout, int pairs, Random r) {
        StringBuilder sb = new StringBuilder(pairs * 80);
        if (layout.equals("one-line")) sb.append('[');
        for (int i = 0; i < pairs; i++) {
            String id = "LT" + "AI5t" + random(r, 18), secret = random(r, 30);
            switch (layout) {
                case "ids-first" ->
                        sb.append("access_key_id = \"")
                                .append(id)
                                .append("\"\naccess_key_secret = \"")
                                .append(secret)
                                .append("\"\n");
                case "secret-first" ->
                        sb.append("access_key_secret = \"")
                                .append(secret)
                                .append("\"\naccess_key_id = \"")
                                .append(id)
                                .append("\"\n");
                default ->
                        sb.append(i == 0 ? "" : ",")
                                .append("{\"accessKeyId\":\"")
                                .append(id)
                                .append("\",\"accessKeySecret\":\"")
                                .append(secret)
                                .append("\"}");
            }
        }
        if (layout.equals("one-line")) sb.append("]\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String random(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
        return sb.toString();
    }

    @Benchmark
    public int scanDenseFile() {
        return engine.scan(file, "dense.txt").size();
    }
}
