package dev.akguard.monitor.bench;

import dev.akguard.core.Engine;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubClient;
import dev.akguard.monitor.retry.Sleeper;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.watch.CycleReport;
import dev.akguard.monitor.watch.Source;
import dev.akguard.monitor.watch.WatchSettings;
import dev.akguard.monitor.watch.Watcher;
import dev.akguard.testkit.fixtures.PostgresSchema;
import dev.akguard.testkit.fixtures.TestKeys;
import dev.akguard.testkit.github.EmulatedRepo;
import dev.akguard.testkit.github.GitHubEmulator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * PushEvents processed per minute on loopback, and heap over a long run.
 *
 * <pre>
 * mvn -o -q -pl remote-monitor -am -Pbench test -DskipTests [-Dbench.rounds=60] [-Dbench.store=postgres] [-Dbench.commitsPerPush=3]
 * java -cp &lt;remote-monitor test classpath&gt; dev.akguard.monitor.bench.WatchBenchmark [ROUNDS] [sqlite|postgres] [COMMITS_PER_PUSH]
 * </pre>
 *
 * Each round replays 250 PushEvents (GitHub's feed holds 300) from a fixed pool of 200 pushes in 50
 * repositories, each push of COMMITS_PER_PUSH commits (default 3) changing a 40-line file, one push
 * in ten adding a leaked pair; the watcher polls the feed, fetches every compare and every commit
 * of multi-commit pushes, scans and records. Only {@code runOnce} is timed. Heap is measured after
 * a full GC each round; the emulator keeps a bounded set of events and commits, so growth there
 * would be the watcher's.
 */
public final class WatchBenchmark {

    private static final int PER_ROUND = 250;

    private WatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        boolean postgres = args.length > 1 && args[1].equals("postgres");
        int commitsPerPush = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Random random = new Random(99);
        Path tmp = Files.createTempDirectory("akguard-bench");
        try (GitHubEmulator gh = GitHubEmulator.start();
                PostgresSchema schema = postgres ? new PostgresSchema() : null) {
            gh.setPollIntervalSeconds(0);
            gh.setEventRetention(300);
            gh.setCoreRateLimit(Integer.MAX_VALUE);
            List<EmulatedRepo> repos = new ArrayList<>();
            List<EmulatedRepo.PushResult> pool = new ArrayList<>();
            for (int r = 0; r < 50; r++) repos.add(gh.createRepo("bench/repo" + r));
            int leaks = 0;
            for (int i = 0; i < 200; i++) {
                EmulatedRepo repo = repos.get(i % repos.size());
                EmulatedRepo.ChangeBuilder change = repo.change().author("dev" + (i % 17));
                for (int c = 0; c < commitsPerPush; c++) {
                    StringBuilder file = new StringBuilder();
                    for (int l = 0; l < 40; l++)
                        file.append("setting")
                                .append(l)
                                .append(" = ")
                                .append(random.nextInt(1_000_000))
                                .append('\n');
                    if (i % 10 == 0 && c == 0) {
                        file.append(TestKeys.pair(random).properties());
                        leaks++;
                    }
                    if (c > 0) change.nextCommit("commit " + c);
                    change.put("config/app" + ((i + c) % 3) + ".properties", file.toString());
                }
                pool.add(change.commitSilently());
            }
            String url = postgres ? schema.url() : "jdbc:sqlite:" + tmp.resolve("bench.db");
            Database db = Database.open(url);
            GitHubClient client = GitHubClient.builder(gh.baseUrl()).token("bench").build();
            Watcher watcher =
                    new Watcher(
                            WatchSettings.defaults(List.of(Source.publicEvents()))
                                    .withMinPollInterval(Duration.ZERO),
                            new GitHubApi(client),
                            db,
                            Engine.defaults(),
                            Clock.systemUTC(),
                            Sleeper.SYSTEM);

            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            long processed = 0, nanos = 0, maxHeap = 0;
            long[] heapAt = new long[rounds];
            int next = 0;
            System.out.printf(
                    "store=%s rounds=%d pushes/round=%d pool=%d pushes of %d commits (%d with a leak)%n",
                    postgres ? "postgresql" : "sqlite",
                    rounds,
                    PER_ROUND,
                    pool.size(),
                    commitsPerPush,
                    leaks);
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < PER_ROUND; i++) {
                    EmulatedRepo.PushResult p = pool.get(next++ % pool.size());
                    repos.get((next - 1) % pool.size() % repos.size()).replay(p, "dev");
                }
                long t0 = System.nanoTime();
                CycleReport r = watcher.runOnce();
                nanos += System.nanoTime() - t0;
                processed += r.pushesProcessed();
                if (r.pushesProcessed() != PER_ROUND)
                    throw new IllegalStateException("round " + round + " processed " + r);
                gh.clearRequests(); // the emulator's request log is test instrumentation, not
                // the watcher's memory
                System.gc();
                heapAt[round] = mem.getHeapMemoryUsage().getUsed();
                maxHeap = Math.max(maxHeap, heapAt[round]);
                if (round == 0 || (round + 1) % Math.max(1, rounds / 8) == 0) {
                    System.out.printf(
                            "round %3d: %6d pushes, %7.0f pushes/min so far, heap after GC %5.1f MiB%n",
                            round + 1,
                            processed,
                            processed * 60e9 / nanos,
                            heapAt[round] / 1048576.0);
                }
            }
            long[] counts = new AlertStore(db, Clock.systemUTC()).counts();
            System.out.printf(
                    "RESULT pushes=%d time=%.1fs throughput=%.0f pushes/min alerts=%d occurrences=%d%n",
                    processed, nanos / 1e9, processed * 60e9 / nanos, counts[0], counts[1]);
            System.out.printf(
                    "RESULT heap after GC: first round %.1f MiB, last %.1f MiB, max %.1f MiB%n",
                    heapAt[0] / 1048576.0, heapAt[rounds - 1] / 1048576.0, maxHeap / 1048576.0);
        }
    }
}
