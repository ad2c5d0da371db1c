package dev.akguard.lsp.document;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * The open documents. Each entry is replaced atomically by a new immutable snapshot, so a
 * validation running on a worker thread always sees one consistent version and can check later
 * whether it is still the current one.
 */
public final class DocumentStore {
    private final Map<String, TextDocument> docs = new ConcurrentHashMap<>();

    public TextDocument open(String uri, String languageId, int version, String text) {
        TextDocument d = TextDocument.of(uri, languageId, version, text);
        docs.put(uri, d);
        return d;
    }

    /**
     * @return the new snapshot, or null when the document is not open (the change is then ignored)
     */
    public TextDocument change(
            String uri, int version, List<TextDocumentContentChangeEvent> changes) {
        return docs.computeIfPresent(uri, (k, d) -> d.apply(changes, version));
    }

    public TextDocument close(String uri) {
        return docs.remove(uri);
    }

    public TextDocument get(String uri) {
        return docs.get(uri);
    }

    /** True while {@code d} is the document's latest snapshot (not closed, not changed since). */
    public boolean isCurrent(TextDocument d) {
        return docs.get(d.uri()) == d;
    }

    public Collection<TextDocument> all() {
        return List.copyOf(docs.values());
    }
}
