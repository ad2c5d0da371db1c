package dev.akguard.monitor.notify;

import dev.akguard.core.text.Untrusted;
import java.time.Instant;
import java.util.List;

/**
 * A rendered-ready notification, channel-neutral. It is what the outbox stores (as JSON), so every
 * retry sends the same words and the inbox row is the same whichever attempt writes it.
 *
 * @param kind {@code leak}, {@code anomaly} or {@code test}
 * @param createdAt when the notification was created (also the inbox entry's time)
 * @param fields labelled facts, in display order; a field may carry a link
 * @param evidence supporting lines (anomalies), possibly empty
 * @param action what the reader should do next
 */
public record Message(
        String kind,
        long alertId,
        Instant createdAt,
        String title,
        String summary,
        List<Field> fields,
        List<String> evidence,
        String action) {
    public static final String LEAK = "leak";
    public static final String ANOMALY = "anomaly";
    public static final String TEST = "test";

    /**
     * Repository names, paths, authors and ActionTrail strings reach every channel through here, so
     * they are made inert here, once: no control character or bidi override reaches an email, an
     * inbox row, a webhook or a terminal, and no newline forges a field. (Escaping is idempotent,
     * so messages read back from the outbox are unchanged.)
     */
    public Message {
        title = Untrusted.inline(title);
        summary = Untrusted.inline(summary);
        fields = fields == null ? List.of() : fields.stream().map(Field::inert).toList();
        evidence = evidence == null ? List.of() : evidence.stream().map(Untrusted::inline).toList();
        action = Untrusted.multiline(action);
    }

    /**
     * One labelled fact; {@code link} (optional) is where the value points, e.g. the file on
     * GitHub.
     */
    public record Field(String label, String value, String link) {
        public static Field of(String label, String value) {
            return new Field(label, value, null);
        }

        Field inert() {
            return new Field(
                    Untrusted.inline(label), Untrusted.inline(value), Untrusted.inline(link));
        }
    }
}
