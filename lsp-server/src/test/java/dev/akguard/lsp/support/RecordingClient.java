package dev.akguard.lsp.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowDocumentParams;
import org.eclipse.lsp4j.ShowDocumentResult;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * A LanguageClient that records everything the server sends, with waits that fail (never hang)
 * after a timeout.
 */
public class RecordingClient implements LanguageClient {
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    public final List<PublishDiagnosticsParams> published = new CopyOnWriteArrayList<>();
    public final List<MessageParams> logs = new CopyOnWriteArrayList<>();
    public final List<MessageParams> shown = new CopyOnWriteArrayList<>();
    public final List<ShowDocumentParams> documentsShown = new CopyOnWriteArrayList<>();
    public final List<RegistrationParams> registrations = new CopyOnWriteArrayList<>();
    public final List<ConfigurationParams> configurationRequests = new CopyOnWriteArrayList<>();
    public final AtomicInteger refreshes = new AtomicInteger();

    /** The server threads that published diagnostics. */
    public final java.util.Set<String> publishingThreads =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** What workspace/configuration answers with (one element per requested item). */
    public volatile Object configuration;

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams p) {
        publishingThreads.add(Thread.currentThread().getName());
        synchronized (this) {
            published.add(p);
            notifyAll();
        }
    }

    /**
     * Waits for the first publish for {@code uri} (after index {@code from}) matching the
     * predicate.
     */
    public PublishDiagnosticsParams await(
            String uri, int from, Predicate<PublishDiagnosticsParams> p) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        synchronized (this) {
            while (true) {
                for (int i = from; i < published.size(); i++) {
                    PublishDiagnosticsParams x = published.get(i);
                    if (x.getUri().equals(uri) && p.test(x)) return x;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0)
                    throw new AssertionError(
                            "no matching publishDiagnostics for "
                                    + uri
                                    + " within "
                                    + TIMEOUT
                                    + "; got "
                                    + summary());
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    public PublishDiagnosticsParams awaitVersion(String uri, int version) {
        return await(uri, 0, x -> x.getVersion() != null && x.getVersion() == version);
    }

    public List<PublishDiagnosticsParams> publishedFor(String uri) {
        List<PublishDiagnosticsParams> out = new ArrayList<>();
        for (PublishDiagnosticsParams p : published) if (p.getUri().equals(uri)) out.add(p);
        return out;
    }

    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (PublishDiagnosticsParams p : published)
            sb.append("\n  ")
                    .append(p.getUri())
                    .append(" v")
                    .append(p.getVersion())
                    .append(": ")
                    .append(p.getDiagnostics().size())
                    .append(" diagnostics");
        return sb.toString();
    }

    @Override
    public void telemetryEvent(Object o) {}

    @Override
    public void showMessage(MessageParams m) {
        shown.add(m);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams m) {
        logs.add(m);
    }

    @Override
    public CompletableFuture<ShowDocumentResult> showDocument(ShowDocumentParams p) {
        documentsShown.add(p);
        return CompletableFuture.completedFuture(new ShowDocumentResult(true));
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams p) {
        registrations.add(p);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<List<Object>> configuration(ConfigurationParams p) {
        configurationRequests.add(p);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < p.getItems().size(); i++) out.add(configuration);
        return CompletableFuture.completedFuture(out);
    }

    @Override
    public CompletableFuture<Void> refreshDiagnostics() {
        refreshes.incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(ApplyWorkspaceEditParams p) {
        return CompletableFuture.completedFuture(new ApplyWorkspaceEditResponse(false));
    }
}
