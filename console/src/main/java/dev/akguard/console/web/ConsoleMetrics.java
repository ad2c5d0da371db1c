package dev.akguard.console.web;

import dev.akguard.console.service.AlertQuery;
import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.model.Validity;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * {@code /metrics} in the Prometheus text format (0.0.4): gauges read from the database when
 * scraped (alerts by status and validity, queue and outbox states) and counters kept by this
 * process (pushes processed, webhook deliveries, HTTP responses), plus GitHub's rate-limit budget
 * as last seen.
 */
public final class ConsoleMetrics {
    private final AtomicLong pushesProcessed = new AtomicLong();
    private final AtomicLong alertsCreated = new AtomicLong();
    private final Map<String, AtomicLong> webhooks = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> responses = new ConcurrentHashMap<>();
    private volatile Function<String, Long> rateLimitRemaining = r -> null;

    public void pushesProcessed(long n) {
        pushesProcessed.addAndGet(n);
    }

    public void alertsCreated(long n) {
        alertsCreated.addAndGet(n);
    }

    public void webhook(String outcome) {
        webhooks.computeIfAbsent(outcome.toLowerCase(Locale.ROOT), k -> new AtomicLong())
                .incrementAndGet();
    }

    void response(int status) {
        responses.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
    }

    /** GitHub's remaining budget per resource ("core", "search"), null when not seen yet. */
    public void rateLimit(Function<String, Long> remaining) {
        this.rateLimitRemaining = remaining;
    }

    String render(AlertQuery q) {
        StringBuilder b = new StringBuilder();
        head(b, "akguard_alerts", "gauge", "Leak alerts by status and validity.");
        for (Map.Entry<AlertStatus, Map<Validity, Long>> s :
                q.countsByStatusAndValidity().entrySet()) {
            for (Map.Entry<Validity, Long> v : s.getValue().entrySet()) {
                b.append("akguard_alerts{status=\"")
                        .append(s.getKey().json())
                        .append("\",validity=\"")
                        .append(v.getKey().name())
                        .append("\"} ")
                        .append(v.getValue())
                        .append('\n');
            }
        }
        head(
                b,
                "akguard_pushes_processed_total",
                "counter",
                "Pushes scanned by this process's watcher.");
        b.append("akguard_pushes_processed_total ").append(pushesProcessed.get()).append('\n');
        head(
                b,
                "akguard_alerts_created_total",
                "counter",
                "New alerts recorded by this process's watcher.");
        b.append("akguard_alerts_created_total ").append(alertsCreated.get()).append('\n');
        head(
                b,
                "akguard_push_queue",
                "gauge",
                "Queued pushes by state (PENDING, FAILED, DONE until pruned).");
        q.statusCounts("push_queue")
                .forEach(
                        (k, v) ->
                                b.append("akguard_push_queue{status=\"")
                                        .append(label(k))
                                        .append("\"} ")
                                        .append(v)
                                        .append('\n'));
        head(
                b,
                "akguard_outbox",
                "gauge",
                "Notifications by state (PENDING, SENDING, DELIVERED, DEAD).");
        q.statusCounts("outbox")
                .forEach(
                        (k, v) ->
                                b.append("akguard_outbox{status=\"")
                                        .append(label(k))
                                        .append("\"} ")
                                        .append(v)
                                        .append('\n'));
        head(
                b,
                "akguard_webhook_deliveries_total",
                "counter",
                "GitHub webhook deliveries by outcome.");
        webhooks.forEach(
                (k, v) ->
                        b.append("akguard_webhook_deliveries_total{outcome=\"")
                                .append(label(k))
                                .append("\"} ")
                                .append(v.get())
                                .append('\n'));
        head(b, "akguard_http_responses_total", "counter", "HTTP responses by status code.");
        responses.forEach(
                (k, v) ->
                        b.append("akguard_http_responses_total{code=\"")
                                .append(k)
                                .append("\"} ")
                                .append(v.get())
                                .append('\n'));
        head(
                b,
                "akguard_github_rate_limit_remaining",
                "gauge",
                "GitHub API requests left in the current window, as last seen.");
        for (String r : new String[] {"core", "search"}) {
            Long left = rateLimitRemaining.apply(r);
            if (left != null)
                b.append("akguard_github_rate_limit_remaining{resource=\"")
                        .append(r)
                        .append("\"} ")
                        .append(left)
                        .append('\n');
        }
        return b.toString();
    }

    private static void head(StringBuilder b, String name, String type, String help) {
        b.append("# HELP ")
                .append(name)
                .append(' ')
                .append(help)
                .append('\n')
                .append("# TYPE ")
                .append(name)
                .append(' ')
                .append(type)
                .append('\n');
    }

    /** Label values come from our own tables, but escape anyway (backslash, quote, newline). */
    private static String label(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
