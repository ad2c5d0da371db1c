package dev.akguard.git.history;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.source.Skip;
import dev.akguard.git.scan.BlobFindings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * Reads and scans a list of distinct blobs on several threads. Each thread has its own object
 * reader (JGit's readers are single-threaded; the pack caches behind them are shared and
 * thread-safe).
 */
final class ParallelBlobScan {
    /** Findings by blob index (empty lists for clean blobs), plus what was skipped. */
    record Result(
            List<List<Finding>> byIndex, List<Skip> skipped, long blobsScanned, long bytesScanned) {
        List<Finding> findings(int index) {
            return byIndex.get(index);
        }
    }

    static final int RUN = 512;

    private final Repository repo;
    private final Engine engine;
    private final int threads;

    ParallelBlobScan(Repository repo, Engine engine, int threads) {
        this.repo = repo;
        this.engine = engine;
        this.threads = threads;
    }

    /**
     * @param paths a path each blob had, for messages (findings are relabelled per path by the
     *     caller)
     * @param sameThread the caller's scanner, used when one thread is enough
     */
    Result scan(
            List<ObjectId> blobs,
            List<String> paths,
            BlobFindings sameThread,
            HistoryScanner.Progress progress) {
        List<List<Finding>> results = new ArrayList<>(Collections.nCopies(blobs.size(), List.of()));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger found = new AtomicInteger();
        List<Skip> skipped = Collections.synchronizedList(new ArrayList<>());
        AtomicLong scannedCount = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        int n = Math.min(threads, Math.max(1, blobs.size() / 64));
        List<Integer> order = PackOrder.indices(repo, blobs);
        Runnable worker =
                () -> {
                    try (ObjectReader reader = repo.newObjectReader()) {
                        BlobFindings mine = n == 1 ? sameThread : new BlobFindings(engine, reader);
                        long before = mine.blobsScanned(), beforeBytes = mine.bytesScanned();
                        int skipsBefore = mine.skipped().size();
                        // Contiguous runs of the pack order per thread: a delta's base was most
                        // likely just read by the same
                        // thread, and each reader has its own delta-base cache.
                        int start;
                        while ((start = next.getAndAdd(RUN)) < blobs.size())
                            for (int k = start; k < Math.min(start + RUN, blobs.size()); k++) {
                                int i = order.get(k);
                                List<Finding> fs = mine.of(blobs.get(i), paths.get(i));
                                results.set(i, fs);
                                if (!fs.isEmpty()) found.addAndGet(fs.size());
                                int d = done.incrementAndGet();
                                if ((d & 63) == 0 || d == blobs.size())
                                    progress.update("blobs", d, blobs.size(), found.get());
                            }
                        scannedCount.addAndGet(mine.blobsScanned() - before);
                        bytes.addAndGet(mine.bytesScanned() - beforeBytes);
                        skipped.addAll(mine.skipped().subList(skipsBefore, mine.skipped().size()));
                        if (mine == sameThread)
                            mine.skipped().subList(skipsBefore, mine.skipped().size()).clear();
                    }
                };
        Workers.run(n, "akguard-history-scan", worker);
        return new Result(results, List.copyOf(skipped), scannedCount.get(), bytes.get());
    }
}
