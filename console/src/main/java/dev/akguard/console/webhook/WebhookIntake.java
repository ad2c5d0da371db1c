package dev.akguard.console.webhook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.akguard.monitor.github.PushEvent;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.QueuedPush;
import dev.akguard.monitor.store.WorkStore;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * GitHub webhook deliveries into the watcher's work queue. The delivery id is recorded in the same
 * transaction as the queued work, so a redelivery (same {@code X-GitHub-Delivery}) is processed
 * once even across instances, and a crash never leaves one without the other. {@code push} queues
 * the pushed range like a polled PushEvent; {@code create} (branch or tag), {@code public} and
 * {@code repository} (created, publicized) queue the new head — today the head commit of the ref or
 * default branch; full-history clone scans of repositories made public plug in here (see {@link
 * #toWork}).
 *
 * <p>Deliveries are written by one writer thread in batches (group commit): under a burst, one
 * transaction and one connection serve many deliveries, and the request returns once its delivery
 * is committed.
 */
public final class WebhookIntake implements AutoCloseable {
    /** Queue source name of webhook work (poll sources are "events", "org:...", ...). */
    public static final String SOURCE = "webhook";

    static final String ZERO_SHA = "0000000000000000000000000000000000000000";
    private static final Pattern DELIVERY = Pattern.compile("[A-Za-z0-9-]{1,100}");
    private static final Pattern EVENT = Pattern.compile("[a-z_]{1,50}");

    /**
     * owner/name as GitHub allows them; "." and ".." are never names (GitHub reserves them) and
     * would climb out of a path built from the name.
     */
    private static final Pattern REPO =
            Pattern.compile("(?!\\.\\.?/)[A-Za-z0-9_.-]{1,100}/(?!\\.\\.?$)[A-Za-z0-9_.-]{1,100}");

    public enum Status {
        QUEUED,
        PING,
        IGNORED,
        DUPLICATE
    }

    public record Outcome(Status status, int queued, String detail) {}

    /** The request is not a usable delivery (400). */
    public static final class BadDelivery extends IllegalArgumentException {
        public BadDelivery(String message) {
            super(message);
        }
    }

    /**
     * Too many deliveries waiting for the database (503: GitHub shows the failure and the delivery
     * can be redelivered).
     */
    public static final class Busy extends RuntimeException {
        public Busy(String message) {
            super(message);
        }
    }

    private record Pending(
            String deliveryId,
            String event,
            String repo,
            Status status,
            List<QueuedPush> pushes,
            Instant at,
            java.util.concurrent.CompletableFuture<Outcome> done) {}

    private static final int MAX_BATCH = 500;
    private final Database db;
    private final WorkStore work;
    private final Clock clock;
    private final java.util.concurrent.BlockingQueue<Pending> pending =
            new java.util.concurrent.ArrayBlockingQueue<>(10_000);
    private final Thread writer;
    private volatile boolean closed;

    public WebhookIntake(Database db, Clock clock) {
        this.db = db;
        this.work = new WorkStore(db);
        this.clock = clock;
        this.writer = new Thread(this::writeLoop, "akguard-webhook-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Call only after the signature was verified. */
    public Outcome accept(String event, String deliveryId, byte[] body) {
        if (deliveryId == null || !DELIVERY.matcher(deliveryId).matches())
            throw new BadDelivery("missing or malformed X-GitHub-Delivery header");
        if (event == null || !EVENT.matcher(event).matches())
            throw new BadDelivery("missing or malformed X-GitHub-Event header");
        JsonObject payload;
        try {
            JsonElement e = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) throw new BadDelivery("the payload is not a JSON object");
            payload = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new BadDelivery(
                    "the payload is not JSON (set the webhook's content type to application/json)");
        }
        Instant now = clock.instant();
        List<QueuedPush> pushes = toWork(event, deliveryId, payload, now);
        Status status =
                event.equals("ping")
                        ? Status.PING
                        : pushes.isEmpty() ? Status.IGNORED : Status.QUEUED;
        Pending p =
                new Pending(
                        deliveryId,
                        event,
                        repo(payload),
                        status,
                        pushes,
                        now,
                        new java.util.concurrent.CompletableFuture<>());
        if (closed || !pending.offer(p))
            throw new Busy(
                    "too many webhook deliveries waiting for the database; GitHub can redeliver this one");
        try {
            return p.done().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy("interrupted while storing the delivery");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new Busy("the database did not store the delivery within 30 s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r
                    ? r
                    : new IllegalStateException(e.getCause());
        }
    }

    private void writeLoop() {
        List<Pending> batch = new java.util.ArrayList<>();
        while (!closed || !pending.isEmpty()) {
            try {
                Pending first = pending.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                pending.drainTo(batch, MAX_BATCH - 1);
                List<Outcome> outcomes =
                        db.transactionUninterruptibly(
                                c -> {
                                    List<Outcome> out = new java.util.ArrayList<>();
                                    try (PreparedStatement ps =
                                            c.prepareStatement(
                                                    "INSERT INTO webhook_deliveries (delivery_id, event, repo, received_at, outcome) "
                                                            + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (delivery_id) DO NOTHING")) {
                                        for (Pending p : batch) {
                                            ps.setString(1, p.deliveryId());
                                            ps.setString(2, p.event());
                                            ps.setString(3, p.repo());
                                            ps.setLong(4, p.at().toEpochMilli());
                                            ps.setString(5, p.status().name());
                                            if (ps.executeUpdate() == 0) {
                                                out.add(
                                                        new Outcome(
                                                                Status.DUPLICATE,
                                                                0,
                                                                "delivery "
                                                                        + p.deliveryId()
                                                                        + " was already processed"));
                                                continue;
                                            }
                                            int n =
                                                    p.pushes().isEmpty()
                                                            ? 0
                                                            : work.enqueue(
                                                                    c, SOURCE, p.pushes(), p.at());
                                            out.add(
                                                    new Outcome(
                                                            p.status(),
                                                            n,
                                                            p.status() == Status.IGNORED
                                                                    ? "nothing to scan in this "
                                                                            + p.event()
                                                                            + " event"
                                                                    : null));
                                        }
                                    }
                                    return out;
                                });
                for (int i = 0; i < batch.size(); i++)
                    batch.get(i).done().complete(outcomes.get(i));
            } catch (InterruptedException e) {
                if (closed) break;
            } catch (
                    RuntimeException
                            e) { // the database refused: every delivery of the batch fails (GitHub
                // can redeliver)
                for (Pending p : batch) p.done().completeExceptionally(e);
            }
            batch.clear();
        }
    }

    /** Stops taking deliveries and stores those already accepted. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a delivery asks the watcher to scan (empty: nothing). */
    static List<QueuedPush> toWork(String event, String deliveryId, JsonObject p, Instant now) {
        String repo = repo(p);
        if (repo == null) return List.of();
        String id = "webhook:" + deliveryId;
        String actor = login(p);
        switch (event) {
            case "push" -> {
                if (bool(p, "deleted")) return List.of();
                String after = str(p, "after");
                if (after == null || after.equals(ZERO_SHA)) return List.of();
                String before = str(p, "before");
                return List.of(
                        new QueuedPush(
                                id,
                                SOURCE,
                                repo,
                                str(p, "ref"),
                                bool(p, "created") ? ZERO_SHA : before,
                                after,
                                pusher(p, actor),
                                now,
                                0));
            }
            case "create" -> {
                // GitHub sends "create" for branches and tags only (repositories: "repository").
                String type = str(p, "ref_type");
                PushEvent c =
                        "branch".equals(type) || "tag".equals(type)
                                ? PushEvent.created(id, repo, actor, str(p, "ref"), type, now)
                                : null;
                return c == null
                        ? List.of()
                        : List.of(
                                new QueuedPush(
                                        id,
                                        SOURCE,
                                        repo,
                                        c.ref(),
                                        c.before(),
                                        c.head(),
                                        actor,
                                        now,
                                        0));
            }
            case "public" -> {
                return wholeRepository(id, repo, actor, now);
            }
            case "repository" -> {
                String action = str(p, "action");
                return "created".equals(action) || "publicized".equals(action)
                        ? wholeRepository(id, repo, actor, now)
                        : List.of();
            }
            default -> {
                return List.of();
            }
        }
    }

    /**
     * A repository that became public, or was created, publishes its whole history at once: queue
     * the same whole-repository job as the watcher does for a PublicEvent (a clone and a history
     * scan), not just its head.
     */
    private static List<QueuedPush> wholeRepository(
            String id, String repo, String actor, Instant now) {
        return List.of(
                new QueuedPush(
                        id, SOURCE, repo, PushEvent.WHOLE_REPOSITORY, null, "", actor, now, 0));
    }

    static String repo(JsonObject p) {
        JsonElement r = p.get("repository");
        if (r == null || !r.isJsonObject()) return null;
        String name = str(r.getAsJsonObject(), "full_name");
        return name != null && REPO.matcher(name).matches() ? name : null;
    }

    private static String pusher(JsonObject p, String fallback) {
        JsonElement pusher = p.get("pusher");
        String name =
                pusher != null && pusher.isJsonObject()
                        ? str(pusher.getAsJsonObject(), "name")
                        : null;
        return name != null ? name : fallback;
    }

    private static String login(JsonObject p) {
        JsonElement s = p.get("sender");
        return s != null && s.isJsonObject() ? str(s.getAsJsonObject(), "login") : null;
    }

    private static String str(JsonObject o, String key) {
        if (o == null) return null;
        JsonElement e = o.get(key);
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    private static boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null
                && e.isJsonPrimitive()
                && e.getAsJsonPrimitive().isBoolean()
                && e.getAsBoolean();
    }
}
