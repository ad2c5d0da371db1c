package dev.akguard.monitor.bench;

import dev.akguard.core.Engine;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubClient;
import dev.akguard.monitor.retry.Sleeper;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.watch.CloneLimits;
import dev.akguard.monitor.watch.CycleReport;
import dev.akguard.monitor.watch.Source;
import dev.akguard.monitor.watch.WatchSettings;
import dev.akguard.monitor.watch.Watcher;
import dev.akguard.testkit.github.GitHubEmulator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A repository made public, scanned whole by the watcher (clone over smart HTTP from the GitHub
 * emulator into a temporary bare repository, history scan, alerts), against {@code git log -p --all
 * > /dev/null} on the same repository: wall time, MB/s of packed history, and the heap used during
 * the scan (sampled every 50 ms).
 *
 * <pre>
 * bench/clone-scan.sh [REPO_DIR]          (builds the repository with bench/make-history-repo.py when missing)
 * java -Xmx512m -cp &lt;remote-monitor test classpath&gt; dev.akguard.monitor.bench.CloneBenchmark GIT_DIR
 * </pre>
 */
public final class CloneBenchmark {

    private CloneBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path gitDir = Path.of(args[0]);
        if (Files.isDirectory(gitDir.resolve(".git"))) gitDir = gitDir.resolve(".git");
        long packed = size(gitDir);
        Path tmp = Files.createTempDirectory("akguard-clone-bench");
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        try (GitHubEmulator gh = GitHubEmulator.start()) {
            gh.setCoreRateLimit(Integer.MAX_VALUE);
            gh.setPollIntervalSeconds(0);
            var repo = gh.importRepo("bench/history", gitDir, "master");
            Database db = Database.open("jdbc:sqlite:" + tmp.resolve("bench.db"));
            GitHubClient client = GitHubClient.builder(gh.baseUrl()).token("bench").build();
            WatchSettings settings =
                    WatchSettings.defaults(List.of(Source.publicEvents()))
                            .withMinPollInterval(Duration.ZERO)
                            .withClone(
                                    new CloneLimits(
                                            8L << 30,
                                            Duration.ofMinutes(30),
                                            tmp.resolve("clones"),
                                            2));
            Watcher watcher =
                    new Watcher(
                            settings,
                            new GitHubApi(client),
                            db,
                            Engine.defaults(),
                            Clock.systemUTC(),
                            Sleeper.SYSTEM);
            watcher.runOnce(); // nothing yet: the repository is private
            System.gc();
            long baseHeap = mem.getHeapMemoryUsage().getUsed();
            repo.makePublic();

            AtomicLong maxHeap = new AtomicLong();
            Thread sampler =
                    new Thread(
                            () -> {
                                while (!Thread.currentThread().isInterrupted()) {
                                    maxHeap.accumulateAndGet(
                                            mem.getHeapMemoryUsage().getUsed(), Math::max);
                                    try {
                                        Thread.sleep(50);
                                    } catch (InterruptedException e) {
                                        return;
                                    }
                                }
                            });
            sampler.setDaemon(true);
            sampler.start();
            long t0 = System.nanoTime();
            CycleReport r = watcher.runOnce();
            long akNanos = System.nanoTime() - t0;
            sampler.interrupt();
            if (r.pushesProcessed() != 1)
                throw new IllegalStateException("the PublicEvent was not processed: " + r);
            long[] counts = new AlertStore(db, Clock.systemUTC()).counts();

            long g0 = System.nanoTime();
            Process git =
                    new ProcessBuilder("git", "--git-dir", gitDir.toString(), "log", "-p", "--all")
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.INHERIT)
                            .start();
            if (git.waitFor() != 0) throw new IllegalStateException("git log failed");
            long gitNanos = System.nanoTime() - g0;

            double mb = packed / 1e6;
            System.out.printf("repository: %s, %.1f MB in .git%n", gitDir, mb);
            System.out.printf(
                    "RESULT clone+scan %.1f s (%.1f MB/s), alerts=%d occurrences=%d; git log -p --all %.1f s (%.1f MB/s)%n",
                    akNanos / 1e9,
                    mb / (akNanos / 1e9),
                    counts[0],
                    counts[1],
                    gitNanos / 1e9,
                    mb / (gitNanos / 1e9));
            System.out.printf(
                    "RESULT heap: %.1f MiB before, at most %.1f MiB during the clone and scan (max heap %.0f MiB)%n",
                    baseHeap / 1048576.0,
                    maxHeap.get() / 1048576.0,
                    Runtime.getRuntime().maxMemory() / 1048576.0);
        } finally {
            try (var s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long size(Path dir) throws Exception {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
