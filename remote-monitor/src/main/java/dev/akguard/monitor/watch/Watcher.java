package dev.akguard.monitor.watch;

import dev.akguard.core.text.UriPaths;
import dev.akguard.core.Engine;
import dev.akguard.monitor.github.Change;
import dev.akguard.monitor.github.ChangedFile;
import dev.akguard.monitor.github.CodeSearchHit;
import dev.akguard.monitor.github.FeedPoll;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubException;
import dev.akguard.monitor.github.GitHubNotFoundException;
import dev.akguard.monitor.github.PushEvent;
import dev.akguard.monitor.github.RetryPolicy;
import dev.akguard.monitor.github.Sleeper;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.PollCursor;
import dev.akguard.monitor.store.QueuedPush;
import dev.akguard.monitor.store.RecordOutcome;
import dev.akguard.monitor.store.Sighting;
import dev.akguard.monitor.store.StoreException;
import dev.akguard.monitor.store.WorkStore;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Watches GitHub for leaked AccessKey pairs. A cycle (1) polls every due source: feed events go into the push
 * queue and the source's cursor advances in the SAME transaction; a search sweep records what it finds together
 * with its cursor; then (2) drains the push queue: each claimed push is fetched (compare, or the head commit for
 * new branches and vanished bases), scanned, and its alerts, occurrences, listener writes and "done" mark commit
 * in ONE transaction. Killing the process at any point therefore loses nothing (uncommitted work is redone once
 * its lease expires) and duplicates nothing (recording is idempotent). Several instances on one PostgreSQL
 * share sources and pushes through leases and {@code SKIP LOCKED}.
 */
public final class Watcher {

    private static final Logger LOG = Logger.getLogger(Watcher.class.getName());

    private final WatchSettings settings;
    private final GitHubApi api;
    private final Database db;
    private final AlertStore alerts;
    private final WorkStore work;
    private final ChangeScanner scanner;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String owner;
    private final RetryPolicy failureBackoff = new RetryPolicy(Integer.MAX_VALUE, Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ZERO);
    private final Random random = new Random();
    private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Source> sourcesByKey;
    private Instant lastPrune = Instant.EPOCH;

    /** Finished pushes are kept this long (see {@link WorkStore#pruneDone}). */
    static final Duration KEEP_DONE_PUSHES = Duration.ofDays(2);

    public Watcher(WatchSettings settings, GitHubApi api, Database db, Engine engine, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.api = api;
        this.db = db;
        this.alerts = new AlertStore(db, clock);
        this.work = new WorkStore(db);
        this.scanner = new ChangeScanner(engine, api, settings.maxFileBytes());
        this.clock = clock;
        this.sleeper = sleeper;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.sourcesByKey = settings.sources().stream().collect(Collectors.toMap(Source::key, s -> s, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    /** Registers a listener told about new and reopened alerts inside the recording transaction. */
    public Watcher addListener(AlertListener listener) {
        listeners.add(listener);
        return this;
    }

    public String owner() { return owner; }

    /** Polls each due source once, then processes every due push. */
    public CycleReport runOnce() throws InterruptedException {
        work.ensureSources(sourcesByKey.keySet(), (int) settings.minPollInterval().toSeconds());
        CycleReport polled = pollDueSources();
        CycleReport processed = drainQueue();
        Instant now = clock.instant();
        if (Duration.between(lastPrune, now).toHours() >= 1) {
            work.pruneDone(now.minus(KEEP_DONE_PUSHES));
            lastPrune = now;
        }
        return polled.plus(processed);
    }

    /** Runs cycles until {@code stop} says so (checked between steps), sleeping until the next poll is due. */
    public CycleReport run(BooleanSupplier stop) throws InterruptedException {
        CycleReport total = CycleReport.empty();
        while (!stop.getAsBoolean()) {
            total = total.plus(runOnce());
            long next = work.nextPollAt(sourcesByKey.keySet());
            long waitMs = Math.max(200, Math.min(next - clock.millis(), 10_000));
            // Wake up at least every ten seconds: pushes released by others or retries may be due.
            if (!stop.getAsBoolean()) sleeper.sleep(Duration.ofMillis(waitMs));
        }
        return total;
    }

    // ---- sources ---------------------------------------------------------------------------------------------

    private CycleReport pollDueSources() throws InterruptedException {
        CycleReport report = CycleReport.empty();
        Set<String> remaining = new LinkedHashSet<>(sourcesByKey.keySet());
        while (!remaining.isEmpty()) {
            var claimed = work.claimDueSource(remaining, owner, clock.instant(), settings.sourceLease());
            if (claimed.isEmpty()) break;
            PollCursor cursor = claimed.get();
            remaining.remove(cursor.source());
            Source source = sourcesByKey.get(cursor.source());
            try {
                report = report.plus(source.kind() == Source.Kind.SEARCH ? sweep(source, cursor) : pollFeed(source, cursor));
            } catch (LostClaimException e) {
                LOG.info(() -> "Another watcher took over " + e.getMessage() + "; dropped our poll");
            } catch (RuntimeException e) {  // GitHub, store, or an unexpected payload: this source waits, the others go on
                Duration wait = failureBackoff.backoff(cursor.failures() + 1, random);
                String why = describe(e);
                LOG.warning(() -> "Polling " + source.key() + " failed (" + why + "); next try in " + wait.toSeconds() + " s");
                work.failSource(source.key(), owner, clock.instant().plus(wait), why);
                report = report.plus(new CycleReport(0, 1, 0, 0, 0, 0, 0, 0));
            }
        }
        return report;
    }

    private CycleReport pollFeed(Source source, PollCursor cursor) throws InterruptedException {
        FeedPoll poll = api.pollFeed(source.feedPath(), cursor.etag(), cursor.lastEventId(), settings.feedMaxPages());
        if (poll.gap()) {
            LOG.warning(() -> source.key() + ": more events arrived since the last poll than the feed keeps; some were missed "
                    + "(watch organisations or repositories directly, or run a --search sweep)");
        }
        Instant now = clock.instant();
        long interval = Math.max(settings.minPollInterval().toSeconds(), poll.pollIntervalSeconds());
        PollCursor next = new PollCursor(cursor.source(), poll.etag(), poll.newestEventId(), (int) interval,
                now.plusSeconds(interval).toEpochMilli(), 0);
        List<QueuedPush> pushes = new ArrayList<>();
        for (PushEvent p : poll.pushes()) {
            if (p.deletesRef()) continue;
            pushes.add(new QueuedPush(p.id(), source.key(), p.repo(), p.ref(), p.before(), p.head(), p.actor(), p.createdAt(), 0));
        }
        int queued = db.transaction(c -> {
            int n = work.enqueue(c, source.key(), pushes, now);
            if (!work.advanceSource(c, next, owner, now)) throw new LostClaimException("source " + source.key());
            return n;
        });
        if (!poll.notModified()) LOG.fine(() -> source.key() + ": " + queued + " new pushes queued");
        return new CycleReport(1, 0, queued, 0, 0, 0, 0, 0);
    }

    private CycleReport sweep(Source source, PollCursor cursor) throws InterruptedException {
        List<CodeSearchHit> hits = api.searchCode(source.value(), 10);
        List<Sighting> sightings = new ArrayList<>();
        List<Leak> leaks = new ArrayList<>();
        for (CodeSearchHit hit : hits) {
            if (hit.repo() == null || hit.path() == null || hit.ref() == null) continue;
            Change change = new Change(hit.ref(), null, null, api.htmlBase(hit.repo()),
                    List.of(new ChangedFile(hit.path(), "modified", null, null, hit.contentsUrl(), hit.ref())), List.of(hit.ref()), false);
            for (Leak leak : scanner.scan(hit.repo(), change)) {
                leaks.add(leak);
                sightings.add(sighting(leak, hit.repo(), null, change, source.key()));
            }
        }
        Instant now = clock.instant();
        long interval = settings.searchInterval().toSeconds();
        PollCursor next = new PollCursor(cursor.source(), null, null, (int) interval, now.plusSeconds(interval).toEpochMilli(), 0);
        int[] outcome = db.transaction(c -> {
            int[] counts = record(c, leaks, sightings);
            if (!work.advanceSource(c, next, owner, now)) throw new LostClaimException("source " + source.key());
            return counts;
        });
        return new CycleReport(1, 0, 0, 0, 0, outcome[0], outcome[1], sightings.size());
    }

    // ---- pushes ----------------------------------------------------------------------------------------------

    private CycleReport drainQueue() throws InterruptedException {
        CycleReport report = CycleReport.empty();
        while (true) {
            List<QueuedPush> batch = work.claimPushes(owner, settings.batchSize(), clock.instant(), settings.pushLease());
            if (batch.isEmpty()) return report;
            for (QueuedPush push : batch) report = report.plus(process(push));
        }
    }

    private CycleReport process(QueuedPush push) throws InterruptedException {
        try {
            List<Leak> leaks = new ArrayList<>();
            List<Sighting> sightings = new ArrayList<>();
            for (Change change : fetchChanges(push)) {
                for (Leak leak : scanner.scan(push.repo(), change)) {
                    leaks.add(leak);
                    sightings.add(sighting(leak, push.repo(), push.actor(), change, push.source()));
                }
            }
            Instant now = clock.instant();
            int[] outcome = db.transaction(c -> {
                int[] counts = record(c, leaks, sightings);
                if (!work.completePush(c, push.eventId(), owner, now)) throw new LostClaimException("push " + push.eventId());
                return counts;
            });
            return new CycleReport(0, 0, 0, 1, 0, outcome[0], outcome[1], sightings.size());
        } catch (LostClaimException e) {
            LOG.info(() -> "Another watcher finished " + e.getMessage() + " first; dropped our copy");
            return CycleReport.empty();
        } catch (RuntimeException e) {  // GitHub, store, or an unexpected payload: this push waits, the others go on
            Duration wait = failureBackoff.backoff(push.attempts() + 1, random);
            String why = describe(e);
            LOG.warning(() -> "Push " + push.eventId() + " to " + push.repo() + " failed (" + why + "); retry in " + wait.toSeconds() + " s");
            work.failPush(push.eventId(), owner, clock.instant().plus(wait), why, settings.maxPushAttempts());
            return new CycleReport(0, 0, 0, 0, 1, 0, 0, 0);
        }
    }

    /**
     * New branch: the head commit. Otherwise compare before...head (for a force push GitHub diffs from the merge
     * base, i.e. exactly the rewritten commits); if the old head no longer exists, the head commit. When GitHub
     * cut the compare (over 300 files, over 250 commits), each listed commit is fetched on its own (files paged).
     */
    private List<Change> fetchChanges(QueuedPush push) throws InterruptedException {
        try {
            if (push.before() == null || push.before().isEmpty() || PushEvent.ZERO_SHA.equals(push.before())) {
                return List.of(api.commit(push.repo(), push.head()));
            }
            Change compare;
            try {
                compare = api.compare(push.repo(), push.before(), push.head());
            } catch (GitHubNotFoundException e) {
                LOG.fine(() -> push.repo() + ": cannot compare " + push.before() + "..." + push.head() + "; scanning the head commit");
                return List.of(api.commit(push.repo(), push.head()));
            }
            if (!compare.incomplete()) return List.of(compare);
            LOG.info(() -> push.repo() + ": compare " + push.before() + "..." + push.head() + " was cut by GitHub; scanning its "
                    + compare.commits().size() + " commits one by one");
            List<Change> changes = new ArrayList<>();
            for (String sha : compare.commits()) changes.add(api.commit(push.repo(), sha));
            return changes;
        } catch (GitHubNotFoundException e) {
            LOG.info(() -> push.repo() + "@" + push.head() + " is gone (" + e.getMessage() + "); nothing to scan");
            return List.of();
        }
    }

    // ---- recording -------------------------------------------------------------------------------------------

    /** Records sightings in a stable order (avoids lock-order deadlocks between instances) and tells listeners. */
    private int[] record(Connection c, List<Leak> leaks, List<Sighting> sightings) throws SQLException {
        int created = 0, reopened = 0;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sightings.size(); i++) order.add(i);
        order.sort(Comparator.comparing((Integer i) -> sightings.get(i).accessKeyId()).thenComparing(i -> sightings.get(i).secretSha256()));
        for (int i : order) {
            Sighting s = sightings.get(i);
            RecordOutcome outcome = alerts.record(c, s);
            if (outcome.kind() == RecordOutcome.Kind.CREATED) created++;
            if (outcome.kind() == RecordOutcome.Kind.REOPENED) reopened++;
            if (outcome.announce()) {
                AlertNotice notice = new AlertNotice(outcome.alertId(), outcome.kind(), s, leaks.get(i).finding());
                for (AlertListener l : listeners) l.onAlert(notice, c);
            }
        }
        return new int[] {created, reopened};
    }

    private Sighting sighting(Leak leak, String repo, String actor, Change change, String source) {
        String author = change.authorLogin() != null ? change.authorLogin() : change.authorName() != null ? change.authorName() : actor;
        // the path is anyone's choice: each segment encoded, so '#', '?', spaces or newlines cannot break the link
        String url = change.htmlUrlBase() + "/blob/" + UriPaths.segment(leak.commit()) + "/" + UriPaths.path(leak.path()) + "#L" + leak.line();
        return new Sighting(leak.finding().accessKeyId(), leak.finding().secretRedacted(), leak.finding().secretSha256(), repo,
                leak.path(), leak.line(), leak.commit(), author, url, clock.instant(), source);
    }

    private static String describe(RuntimeException e) {
        return e instanceof GitHubException || e instanceof StoreException ? e.getMessage() : "unexpected " + e;
    }

    /** Our lease ran out and another instance took the work over: roll back and let it finish. */
    private static final class LostClaimException extends RuntimeException {
        LostClaimException(String what) { super(what); }
    }
}
