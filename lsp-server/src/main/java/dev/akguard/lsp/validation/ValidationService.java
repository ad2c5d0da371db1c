package dev.akguard.lsp.validation;

import dev.akguard.lsp.ServerLog;
import dev.akguard.lsp.document.DocumentStore;
import dev.akguard.lsp.document.TextDocument;
import dev.akguard.lsp.settings.ClientSettings;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.lsp4j.PublishDiagnosticsParams;

/**
 * Keeps diagnostics in step with the open documents. In push mode every open or change schedules a
 * (debounced) validation on the worker pool; its result is published only if the document is still
 * at the version that was scanned, so a slow scan of an old version can never overwrite newer
 * diagnostics. In pull mode nothing is pushed: {@link #current} answers textDocument/diagnostic
 * from the same cache.
 *
 * <p>The last result per document is cached by snapshot and settings generation; code actions and
 * pull requests reuse it instead of scanning again.
 */
public final class ValidationService {
    private final DocumentStore documents;
    private final Validator validator;
    private final Supplier<ClientSettings> settings;
    private final ValidationDelayer delayer;
    private final Consumer<PublishDiagnosticsParams> publisher;
    private final ServerLog log;
    private final Map<String, ValidationResult> cache = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Object publishLock = new Object();
    private volatile boolean push = true;

    public ValidationService(
            DocumentStore documents,
            Validator validator,
            Supplier<ClientSettings> settings,
            ScheduledExecutorService executor,
            Consumer<PublishDiagnosticsParams> publisher,
            ServerLog log) {
        this.documents = documents;
        this.validator = validator;
        this.settings = settings;
        this.delayer = new ValidationDelayer(executor);
        this.publisher = publisher;
        this.log = log;
    }

    /** False for clients that pull diagnostics: they must never also receive pushed ones. */
    public void setPush(boolean push) {
        this.push = push;
    }

    public boolean push() {
        return push;
    }

    public void opened(TextDocument d) {
        schedule(d, 0);
    }

    public void changed(TextDocument d) {
        schedule(d, settings.get().debounceMs());
    }

    public void closed(String uri) {
        delayer.cancel(uri);
        cache.remove(uri);
        if (!push) return;
        synchronized (publishLock) {
            publisher.accept(new PublishDiagnosticsParams(uri, List.of()));
        }
    }

    /**
     * Settings, config or baseline changed: every cached result is stale; push mode re-validates at
     * once.
     */
    public void invalidateAll() {
        generation.incrementAndGet();
        cache.clear();
        if (push) for (TextDocument d : documents.all()) schedule(d, 0);
    }

    public long generation() {
        return generation.get();
    }

    /**
     * The result for this snapshot under the current settings, computing it on the caller's thread
     * if needed.
     */
    public ValidationResult current(TextDocument d) {
        long gen = generation.get();
        ValidationResult r = cache.get(d.uri());
        if (r != null && r.document() == d && r.generation() == gen) return r;
        r = validator.validate(d, settings.get(), gen);
        if (documents.isCurrent(d) && generation.get() == gen) cache.put(d.uri(), r);
        return r;
    }

    private void schedule(TextDocument d, long delayMs) {
        if (!push) return;
        delayer.schedule(d.uri(), delayMs, () -> run(d));
    }

    private void run(TextDocument scheduled) {
        if (!documents.isCurrent(scheduled)) return; // a newer change has scheduled its own run
        ValidationResult r;
        long t0 = System.nanoTime();
        try {
            r = current(scheduled);
        } catch (RuntimeException e) {
            log.error("validation of " + scheduled.uri() + " failed: " + e);
            return;
        }
        synchronized (publishLock) {
            if (!documents.isCurrent(scheduled) || r.generation() != generation.get()) return;
            publisher.accept(
                    new PublishDiagnosticsParams(
                            scheduled.uri(), r.diagnostics(), scheduled.version()));
        }
        log.debug(
                scheduled.uri()
                        + " v"
                        + scheduled.version()
                        + ": "
                        + r.findings().size()
                        + " findings in "
                        + (System.nanoTime() - t0) / 1_000_000
                        + " ms");
    }
}
