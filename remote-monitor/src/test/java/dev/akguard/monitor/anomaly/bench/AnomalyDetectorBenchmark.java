package dev.akguard.monitor.anomaly.bench;

import dev.akguard.monitor.anomaly.AnomalyDetector;
import dev.akguard.monitor.anomaly.AnomalyRule;
import dev.akguard.monitor.anomaly.AnomalySettings;
import dev.akguard.monitor.anomaly.DetectionContext;
import dev.akguard.monitor.anomaly.LeakedKeyUsedRule;
import dev.akguard.monitor.anomaly.RaisedAnomaly;
import dev.akguard.monitor.anomaly.RateSpikeRule;
import dev.akguard.monitor.anomaly.RootKeyRule;
import dev.akguard.monitor.anomaly.SensitiveApiRule;
import dev.akguard.monitor.anomaly.SharedIpRule;
import dev.akguard.monitor.anomaly.ThreatIpRule;
import dev.akguard.monitor.anomaly.ThreatList;
import dev.akguard.monitor.model.CallRecord;
import dev.akguard.testkit.corpus.FakeKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Anomaly detection over a week of call records: {@code records} calls by 50 keys from 2,000 IPs,
 * against a 10,000-entry threat list, every rule on with default settings. One operation = one full
 * detection pass; records/s = records x ops/s. {@code -p rule=threat-ip} (etc.) times one rule.
 * Run: see docs/monitor/anomalies.md ("Speed").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx1g"})
public class AnomalyDetectorBenchmark {
    @Param({"100000"})
    public int records;

    /** "all", or one rule's type id to see what each costs. */
    @Param({"all"})
    public String rule;

    private List<CallRecord> calls;
    private DetectionContext context;
    private AnomalyDetector detector;

    @Setup
    public void setUp() {
        Random r = new Random(42);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 50; i++) keys.add(FakeKeys.accessKeyId(r));
        List<String> threats = new ArrayList<>();
        for (int i = 0; i < 8000; i++)
            threats.add(
                    (r.nextInt(223) + 1)
                            + "."
                            + r.nextInt(256)
                            + "."
                            + r.nextInt(256)
                            + "."
                            + r.nextInt(256));
        for (int i = 0; i < 1500; i++)
            threats.add(
                    (r.nextInt(223) + 1) + "." + r.nextInt(256) + "." + r.nextInt(256) + ".0/24");
        for (int i = 0; i < 500; i++)
            threats.add(String.format("2001:db8:%x::/48", r.nextInt(0x10000)));
        ThreatList list = ThreatList.parse(threats, "bench");
        String[] apis = {
            "DescribeInstances",
            "GetObject",
            "PutObject",
            "ListBuckets",
            "DescribeRegions",
            "CreateUser",
            "RunInstances"
        };
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        long week = Duration.ofDays(7).toSeconds();
        calls = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            int k = r.nextInt(keys.size());
            String ip =
                    r.nextInt(10) == 0
                            ? "2001:db8:"
                                    + Integer.toHexString(r.nextInt(0x10000))
                                    + "::"
                                    + Integer.toHexString(r.nextInt(0x10000))
                            : "10." + r.nextInt(8) + "." + r.nextInt(256) + "." + r.nextInt(32);
            calls.add(
                    new CallRecord(
                            start.plusSeconds((long) (r.nextDouble() * week)),
                            apis[r.nextInt(apis.length)],
                            "ecs",
                            ip,
                            "cn-hangzhou",
                            "Read",
                            null,
                            "aliyun-cli",
                            "user" + (k % 20),
                            keys.get(k),
                            "10000000000000" + (k % 5),
                            k == 0 ? "root-account" : "ram-user",
                            "evt-" + i));
        }
        Map<String, Instant> leaks = new HashMap<>();
        leaks.put(keys.get(1), start.plus(Duration.ofDays(3)));
        context = DetectionContext.of(leaks);
        AnomalySettings s = AnomalySettings.defaults();
        List<AnomalyRule> rules =
                List.of(
                        new ThreatIpRule(list),
                        new SharedIpRule(
                                s.sharedIp.minDistinctUsers,
                                s.sharedIp.minDistinctAccounts,
                                Duration.ofMinutes(s.sharedIp.windowMinutes)),
                        new SensitiveApiRule(s.sensitiveApi.apis),
                        new LeakedKeyUsedRule(
                                s.leakedKeyUsed.ownCheckUserAgent,
                                s.leakedKeyUsed.ownCheckEventName),
                        new RateSpikeRule(
                                s.rateSpike.k,
                                s.rateSpike.minHistoryHours,
                                s.rateSpike.baselineHours,
                                s.rateSpike.minCount),
                        new RootKeyRule(s.rootKey.identityTypes));
        detector =
                new AnomalyDetector(
                        rule.equals("all")
                                ? rules
                                : rules.stream().filter(x -> x.type().id().equals(rule)).toList());
        if (detector.enabledRules().isEmpty())
            throw new IllegalArgumentException("unknown rule " + rule);
    }

    @Benchmark
    public List<RaisedAnomaly> detectAll() {
        return detector.detect(calls, context);
    }
}
