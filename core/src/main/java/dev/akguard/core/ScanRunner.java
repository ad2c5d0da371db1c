package dev.akguard.core;

import dev.akguard.core.finding.Finding;
import dev.akguard.core.source.FileScanner;
import dev.akguard.core.source.FileWalker;
import dev.akguard.core.source.Skip;
import dev.akguard.core.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scans files and folders: the walker lists, a pool of threads scans, the results come back sorted
 * by path and position so output is the same from run to run whatever the thread count.
 */
public final class ScanRunner {
    private final Engine engine;
    private final int threads;
    private final boolean followSymlinks;
    private final boolean useGitignore;

    /** Live counters, readable from a progress thread while the scan runs. */
    public static final class Progress {
        public final AtomicInteger filesListed = new AtomicInteger();
        public final AtomicInteger filesScanned = new AtomicInteger();
        public final AtomicLong bytesScanned = new AtomicLong();
        public final AtomicInteger findings = new AtomicInteger();
        public volatile boolean listingDone;
    }

    /**
     * Everything a report needs: the findings and what was not read; {@code operandsSkipped}: those
     * of the skipped paths that were named as roots (a file, or a directory that cannot be listed),
     * which a command treats as an error, as grep does.
     */
    public record Result(
            List<Finding> findings,
            List<Skip> skipped,
            int filesScanned,
            long bytesScanned,
            List<Skip> operandsSkipped) {
        public Result(
                List<Finding> findings, List<Skip> skipped, int filesScanned, long bytesScanned) {
            this(findings, skipped, filesScanned, bytesScanned, List.of());
        }
    }

    public ScanRunner(Engine engine, int threads, boolean followSymlinks, boolean useGitignore) {
        this.engine = engine;
        this.threads = Math.max(1, threads);
        this.followSymlinks = followSymlinks;
        this.useGitignore = useGitignore;
    }

    /**
     * @param roots files or directories; with one directory root, paths are relative to it; with
     *     several, relative to {@code displayBase}
     * @param displayBase the directory report paths are relative to (usually the current directory)
     */
    public Result run(List<Path> roots, Path displayBase, Progress progress)
            throws InterruptedException {
        // The walker lists files on this thread while the workers already scan them: listing is
        // system-call
        // bound and scanning is CPU bound, so overlapping them hides most of the walk.
        BlockingQueue<SourceFile> queue = new LinkedBlockingQueue<>(4096);
        List<Skip> skips = Collections.synchronizedList(new ArrayList<>());
        java.util.Set<String> operands = new java.util.HashSet<>();
        List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger scanned = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        FileScanner scanner = new FileScanner(engine);
        Runnable worker =
                () -> {
                    try {
                        while (true) {
                            SourceFile f = queue.take();
                            if (f == END) {
                                queue.put(END);
                                return;
                            }
                            FileScanner.Result r = scanner.scan(f);
                            if (r.skip() != null) skips.add(r.skip());
                            else scanned.incrementAndGet();
                            skips.addAll(r.inner());
                            bytes.addAndGet(r.bytes());
                            findings.addAll(r.findings());
                            progress.filesScanned.incrementAndGet();
                            progress.bytesScanned.addAndGet(r.bytes());
                            progress.findings.addAndGet(r.findings().size());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                };
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t = new Thread(r, "akguard-scan");
                            t.setDaemon(true);
                            return t;
                        });
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int k = 0; k < threads; k++) workers.add(pool.submit(worker));
            FileWalker walker =
                    new FileWalker(engine.config().exclude(), followSymlinks, useGitignore);
            for (Path root : roots) {
                operands.add(displayPath(root, displayBase));
                operands.add(root.toString());
                boolean single = root.toFile().isFile();
                String prefix = prefixFor(root, roots.size(), displayBase);
                walker.walk(
                        root,
                        f -> {
                            String rel =
                                    single
                                            ? displayPath(root, displayBase)
                                            : join(prefix, f.relativePath());
                            if (!single && engine.isExcluded(rel)) return;
                            progress.filesListed.incrementAndGet();
                            try {
                                queue.put(new SourceFile(f.file(), rel));
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(
                                        "interrupted while listing files", e);
                            }
                        },
                        s ->
                                skips.add(
                                        s.path().equals(".")
                                                ? new Skip(
                                                        displayPath(root, displayBase),
                                                        s.reason(),
                                                        s.detail()) // the root itself
                                                : single || s.path().startsWith("/")
                                                        ? s
                                                        : new Skip(
                                                                join(prefix, s.path()),
                                                                s.reason(),
                                                                s.detail())));
            }
            progress.listingDone = true;
            queue.put(END);
            for (Future<?> f : workers) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(
                            "scan worker failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        List<Skip> sortedSkips = new ArrayList<>(skips);
        sortedSkips.sort(Comparator.comparing(Skip::path));
        List<Skip> named = sortedSkips.stream().filter(sk -> operands.contains(sk.path())).toList();
        return new Result(sorted, sortedSkips, scanned.get(), bytes.get(), named);
    }

    /** Marks the end of the work queue; each worker puts it back for the next one. */
    private static final SourceFile END = new SourceFile(Path.of(""), "");

    /** Report order: path, then line and column of the ID. */
    public static final Comparator<Finding> ORDER =
            Comparator.comparing(Finding::path)
                    .thenComparingInt(f -> f.id().line())
                    .thenComparingInt(f -> f.id().column())
                    .thenComparing(Finding::ruleId);

    private static String prefixFor(Path root, int rootCount, Path base) {
        if (rootCount == 1) return "";
        return displayPath(root, base);
    }

    static String displayPath(Path p, Path base) {
        Path abs = p.toAbsolutePath().normalize();
        Path b = base.toAbsolutePath().normalize();
        String s = abs.startsWith(b) ? b.relativize(abs).toString() : abs.toString();
        s = s.replace(java.io.File.separatorChar, '/');
        return s.isEmpty() ? "." : s;
    }

    private static String join(String prefix, String rel) {
        if (prefix.isEmpty() || prefix.equals(".")) return rel;
        return prefix + "/" + rel;
    }
}
