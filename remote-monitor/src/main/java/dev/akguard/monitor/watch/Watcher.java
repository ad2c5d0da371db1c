package dev.akguard.monitor.watch;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.text.UriPaths;
import dev.akguard.monitor.github.Change;
import dev.akguard.monitor.github.ChangedFile;
import dev.akguard.monitor.github.CodeSearchHit;
import dev.akguard.monitor.github.FeedPoll;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubException;
import dev.akguard.monitor.github.GitHubNotFoundException;
import dev.akguard.monitor.github.PushEvent;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.retry.Sleeper;
import dev.akguard.monitor.store.AlertLookup;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.PoisonPushes;
import dev.akguard.monitor.store.PollCursor;
import dev.akguard.monitor.store.QueuedPush;
import dev.akguard.monitor.store.RecordOutcome;
import dev.akguard.monitor.store.ScanGapStore;
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
 * Watches GitHub for leaked AccessKey pairs. A cycle (1) polls every due source: feed events go
 * into the push queue and the source's cursor advances in the SAME transaction; a search sweep
 * records what it finds together with its cursor; then (2) drains the push queue: each claimed push
 * is fetched (compare, or the head commit for new branches and vanished bases), scanned, and its
 * alerts, occurrences, listener writes and "done" mark commit in ONE transaction. Killing the
 * process at any point therefore loses nothing (uncommitted work is redone once its lease expires)
 * and duplicates nothing (recording is idempotent). Several instances on one PostgreSQL share
 * sources and pushes through leases and {@code SKIP LOCKED}.
 */
public final class Watcher {

    private static final Logger LOG = Logger.getLogger(Watcher.class.getName());

    private final WatchSettings settings;
    private final GitHubApi api;
    private final Database db;
    private final AlertStore alerts;
    private final WorkStore work;
    private final PatchScanner patches;
    private final PushReader reader;
    private final CloneScanner cloner;
    private final ScanGapStore gaps;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String owner;
    private final Backoff failureBackoff =
            Backoff.unbounded(Duration.ofSeconds(30), Duration.ofMinutes(30), Backoff.Jitter.EQUAL);
    private final Random random = new Random();
    private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Source> sourcesByKey;
    private Instant lastPrune = Instant.EPOCH;

    /** Finished pushes are kept this long (see {@link WorkStore#pruneDone}). */
    static final Duration KEEP_DONE_PUSHES = Duration.ofDays(2);

    public Watcher(
            WatchSettings settings,
            GitHubApi api,
            Database db,
            Engine engine,
            Clock clock,
            Sleeper sleeper) {
        this.settings = settings;
        this.api = api;
        this.db = db;
        this.alerts = new AlertStore(db, clock);
        this.work = new WorkStore(db);
        Engine published =
                engine.ignoringInlineMarkers(); // a published pair is leaked whatever its author
        // wrote next to it
        this.patches = new PatchScanner(published, api, settings.maxFileBytes());
        this.reader = new PushReader(api);
        this.cloner = new CloneScanner(published, api, settings.cloneLimits());
        this.gaps = new ScanGapStore(db);
        this.clock = clock;
        this.sleeper = sleeper;
        this.owner =
                ManagementFactory.getRuntimeMXBean().getName()
                        + "/"
                        + UUID.randomUUID().toString().substring(0, 8);
        this.sourcesByKey =
                settings.sources().stream()
                        .collect(
                                Collectors.toMap(
                                        Source::key,
                                        s -> s,
                                        (a, b) -> a,
                                        java.util.LinkedHashMap::new));
    }

    /** Registers a listener told about new and reopened alerts inside the recording transaction. */
    public Watcher addListener(AlertListener listener) {
        listeners.add(listener);
        return this;
    }

    public String owner() {
        return owner;
    }

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

    /**
     * Runs cycles until {@code stop} says so (checked between steps), sleeping until the next poll
     * is due.
     */
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

    // ---- sources
    // ---------------------------------------------------------------------------------------------

    private CycleReport pollDueSources() throws InterruptedException {
        CycleReport report = CycleReport.empty();
        Set<String> remaining = new LinkedHashSet<>(sourcesByKey.keySet());
        while (!remaining.isEmpty()) {
            var claimed =
                    work.claimDueSource(remaining, owner, clock.instant(), settings.sourceLease());
            if (claimed.isEmpty()) break;
            PollCursor cursor = claimed.get();
            remaining.remove(cursor.source());
            Source source = sourcesByKey.get(cursor.source());
            try {
                report =
                        report.plus(
                                source.kind() == Source.Kind.SEARCH
                                        ? sweep(source, cursor)
                                        : pollFeed(source, cursor));
            } catch (LostClaimException e) {
                LOG.info(
                        () -> "Another watcher took over " + e.getMessage() + "; dropped our poll");
            } catch (
                    RuntimeException
                            e) { // GitHub, store, or an unexpected payload: this source waits, the
                // others go on
                Duration wait = failureBackoff.delay(cursor.failures() + 1, random);
                String why = describe(e);
                LOG.warning(
                        () ->
                                "Polling "
                                        + source.key()
                                        + " failed ("
                                        + why
                                        + "); next try in "
                                        + wait.toSeconds()
                                        + " s");
                work.failSource(source.key(), owner, clock.instant().plus(wait), why);
                report = report.plus(new CycleReport(0, 1, 0, 0, 0, 0, 0, 0));
            }
        }
        return report;
    }

    private CycleReport pollFeed(Source source, PollCursor cursor) throws InterruptedException {
        FeedPoll poll =
                api.pollFeed(
                        source.feedPath(),
                        cursor.etag(),
                        cursor.lastEventId(),
                        settings.feedMaxPages());
        if (poll.gap()) {
            LOG.warning(
                    () ->
                            source.key()
                                    + ": more events arrived since the last poll than the feed keeps; some were missed "
                                    + "(watch organisations or repositories directly, or run a --search sweep)");
        }
        Instant now = clock.instant();
        long interval =
                Math.max(settings.minPollInterval().toSeconds(), poll.pollIntervalSeconds());
        PollCursor next =
                new PollCursor(
                        cursor.source(),
                        poll.etag(),
                        poll.newestEventId(),
                        (int) interval,
                        now.plusSeconds(interval).toEpochMilli(),
                        0);
        List<QueuedPush> pushes = new ArrayList<>();
        if (source.kind() == Source.Kind.REPO
                && cursor.etag() == null
                && cursor.lastEventId() == null) {
            // A repository watched for the first time: its history so far is public too (the feed
            // shows only new events).
            pushes.add(
                    new QueuedPush(
                            "first-seen:" + source.value(),
                            source.key(),
                            source.value(),
                            PushEvent.WHOLE_REPOSITORY,
                            null,
                            "",
                            null,
                            now,
                            0));
        }
        for (PushEvent p : poll.pushes()) {
            if (p.deletesRef()) continue;
            pushes.add(
                    new QueuedPush(
                            p.id(),
                            source.key(),
                            p.repo(),
                            p.ref(),
                            p.before(),
                            p.head(),
                            p.actor(),
                            p.createdAt(),
                            0));
        }
        int queued =
                db.transaction(
                        c -> {
                            int n = work.enqueue(c, source.key(), pushes, now);
                            if (!work.advanceSource(c, next, owner, now))
                                throw new LostClaimException("source " + source.key());
                            return n;
                        });
        if (!poll.notModified())
            LOG.fine(() -> source.key() + ": " + queued + " new pushes queued");
        return new CycleReport(1, 0, queued, 0, 0, 0, 0, 0);
    }

    private CycleReport sweep(Source source, PollCursor cursor) throws InterruptedException {
        List<CodeSearchHit> hits = api.searchCode(source.value(), 10);
        List<Sighting> sightings = new ArrayList<>();
        List<Finding> leaks = new ArrayList<>();
        for (CodeSearchHit hit : hits) {
            if (hit.repo() == null || hit.path() == null || hit.ref() == null) continue;
            // No patch: the file is fetched and every pair in it counts (it is on the default
            // branch, public).
            Change change =
                    new Change(
                            hit.ref(),
                            null,
                            null,
                            api.htmlBase(hit.repo()),
                            List.of(
                                    new ChangedFile(
                                            hit.path(),
                                            "modified",
                                            null,
                                            null,
                                            hit.contentsUrl(),
                                            hit.ref())),
                            List.of(hit.ref()),
                            false,
                            List.of());
            PatchScanner.Result r = patches.scan(hit.repo(), change, List.of(), null);
            for (Finding f : r.findings()) {
                leaks.add(f);
                sightings.add(sighting(f, hit.repo(), null, source.key()));
            }
        }
        Instant now = clock.instant();
        long interval = settings.searchInterval().toSeconds();
        PollCursor next =
                new PollCursor(
                        cursor.source(),
                        null,
                        null,
                        (int) interval,
                        now.plusSeconds(interval).toEpochMilli(),
                        0);
        int[] outcome =
                db.transaction(
                        c -> {
                            int[] counts = record(c, leaks, sightings, source.key());
                            if (!work.advanceSource(c, next, owner, now))
                                throw new LostClaimException("source " + source.key());
                            return counts;
                        });
        return new CycleReport(1, 0, 0, 0, 0, outcome[0], outcome[1], sightings.size());
    }

    // ---- pushes
    // ----------------------------------------------------------------------------------------------

    /**
     * Processes due pushes until the queue is empty or the cycle's budget is spent, so that a
     * GitHub incident (each push spending its retries) does not hold back verification and
     * notification of alerts already recorded.
     */
    private CycleReport drainQueue() throws InterruptedException {
        CycleReport report = CycleReport.empty();
        long deadline = clock.millis() + DRAIN_BUDGET.toMillis();
        while (clock.millis() < deadline) {
            Instant now = clock.instant();
            int parked = db.transaction(c -> PoisonPushes.park(c, settings.maxPushAttempts(), now));
            if (parked > 0)
                LOG.warning(
                        () ->
                                parked
                                        + " push(es) parked as FAILED: the watcher stopped while processing them "
                                        + settings.maxPushAttempts()
                                        + " times (see `monitor not-scanned` and the log)");
            List<QueuedPush> batch =
                    work.claimPushes(owner, settings.batchSize(), now, settings.pushLease());
            if (batch.isEmpty()) return report;
            for (QueuedPush push : batch) report = report.plus(process(push));
        }
        return report; // the rest waits for the next cycle (its claims expire with the lease)
    }

    /**
     * Time a cycle spends on the push queue before the verification and delivery steps get their
     * turn.
     */
    static final Duration DRAIN_BUDGET = Duration.ofMinutes(1);

    private CycleReport process(QueuedPush push) throws InterruptedException {
        try {
            Scanned scanned = scan(push);
            List<Sighting> sightings = new ArrayList<>();
            List<Finding> findings = new ArrayList<>();
            for (Finding f : scanned.findings()) {
                findings.add(f);
                sightings.add(sighting(f, push.repo(), push.actor(), push.source()));
            }
            Instant now = clock.instant();
            int[] outcome =
                    db.transaction(
                            c -> {
                                int[] counts = record(c, findings, sightings, push.eventId());
                                for (ScanGap g : scanned.gaps())
                                    gaps.record(
                                            c,
                                            g.repo(),
                                            g.commit(),
                                            g.path(),
                                            g.reason(),
                                            push.eventId(),
                                            now);
                                if (!work.completePush(c, push.eventId(), owner, now))
                                    throw new LostClaimException("push " + push.eventId());
                                return counts;
                            });
            return new CycleReport(0, 0, 0, 1, 0, outcome[0], outcome[1], sightings.size());
        } catch (LostClaimException e) {
            LOG.info(
                    () ->
                            "Another watcher finished "
                                    + e.getMessage()
                                    + " first; dropped our copy");
            return CycleReport.empty();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // GitHub, store, an unexpected payload, or a push too big for this heap: this push
            // waits, the others go on.
            Duration wait = failureBackoff.delay(push.attempts() + 1, random);
            String why = e instanceof Error ? "crashed: " + e : describe((RuntimeException) e);
            LOG.warning(
                    () ->
                            "Push "
                                    + push.eventId()
                                    + " to "
                                    + push.repo()
                                    + " failed ("
                                    + why
                                    + "); retry in "
                                    + wait.toSeconds()
                                    + " s");
            work.failPush(
                    push.eventId(),
                    owner,
                    clock.instant().plus(wait),
                    why,
                    settings.maxPushAttempts());
            return new CycleReport(0, 0, 0, 0, 1, 0, 0, 0);
        }
    }

    /**
     * What a queued push (or whole-repository job) published: findings attributed to their commits,
     * and gaps.
     */
    record Scanned(List<Finding> findings, List<ScanGap> gaps) {}

    private Scanned scan(QueuedPush push) throws InterruptedException {
        PushReader.Published published = reader.read(push);
        if (published.fromClone()) {
            LOG.info(
                    () ->
                            push.repo()
                                    + ": scanning "
                                    + (published.cloneRange() == null
                                            ? "the whole history"
                                            : published.cloneRange())
                                    + " from a clone");
            try {
                CloneScanner.Result r =
                        cloner.scan(push.repo(), published.cloneRange(), push.eventId());
                return new Scanned(r.findings(), r.gaps());
            } catch (GitHubNotFoundException e) {
                LOG.info(
                        () ->
                                push.repo()
                                        + " is gone or private again ("
                                        + e.getMessage()
                                        + "); nothing to scan");
                return new Scanned(List.of(), List.of());
            }
        }
        List<Finding> findings = new ArrayList<>();
        List<ScanGap> gapsFound = new ArrayList<>();
        for (PushReader.PublishedCommit c : published.commits()) {
            PatchScanner.Result r =
                    patches.scan(push.repo(), c.diff(), c.otherParents(), push.actor());
            findings.addAll(r.findings());
            gapsFound.addAll(r.gaps());
        }
        return new Scanned(findings, gapsFound);
    }

    // ---- recording
    // -------------------------------------------------------------------------------------------

    /**
     * Records sightings in a stable order (avoids lock-order deadlocks between instances) and tells
     * listeners. At most {@code maxAlertsPerPush} new alerts per push: the pairs beyond are grouped
     * into one alert (the first of them) whose history says how many more the push held, so a flood
     * neither buries the list nor burns verification calls.
     */
    private int[] record(
            Connection c, List<Finding> findings, List<Sighting> sightings, String eventId)
            throws SQLException {
        int created = 0, reopened = 0, grouped = 0;
        long groupAlert = -1;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sightings.size(); i++) order.add(i);
        order.sort(
                Comparator.comparing((Integer i) -> sightings.get(i).accessKeyId())
                        .thenComparing(i -> sightings.get(i).secretSha256()));
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Set<String> overCap = new java.util.HashSet<>();
        for (int i : order) {
            Sighting s = sightings.get(i);
            String pair = s.accessKeyId() + ":" + s.secretSha256();
            if (overCap.contains(pair)) continue;
            if (seen.add(pair)
                    && created > settings.maxAlertsPerPush()
                    && !AlertLookup.exists(c, s.accessKeyId(), s.secretSha256())) {
                overCap.add(pair);
                grouped++;
                continue;
            }
            RecordOutcome outcome = alerts.record(c, s);
            if (outcome.kind() == RecordOutcome.Kind.CREATED
                    && ++created > settings.maxAlertsPerPush()) groupAlert = outcome.alertId();
            if (outcome.kind() == RecordOutcome.Kind.REOPENED) reopened++;
            if (outcome.announce()) {
                AlertNotice notice =
                        new AlertNotice(outcome.alertId(), outcome.kind(), s, findings.get(i));
                for (AlertListener l : listeners) l.onAlert(notice, c);
            }
        }
        if (grouped > 0) {
            // The first pair over the cap was recorded as an alert of its own; it stands for the
            // rest.
            int more = grouped;
            long id = groupAlert;
            AlertStore.addHistory(
                    c,
                    id,
                    clock.instant(),
                    AlertStore.WATCHER,
                    "grouped",
                    "the same push (event "
                            + eventId
                            + ") held "
                            + more
                            + " more leaked pair(s) beyond the limit of "
                            + settings.maxAlertsPerPush()
                            + " alerts per push; they were not recorded "
                            + "one by one: scan the repository with `akguard scan-history`");
            LOG.warning(
                    () ->
                            "Push "
                                    + eventId
                                    + " held more than "
                                    + settings.maxAlertsPerPush()
                                    + " new pairs; "
                                    + more
                                    + " grouped into alert "
                                    + id);
        }
        return new int[] {created, reopened};
    }

    private Sighting sighting(Finding f, String repo, String actor, String source) {
        String commit = f.git() == null ? null : f.git().commit();
        String author = f.git() != null && f.git().author() != null ? f.git().author() : actor;
        // the path is anyone's choice: each segment encoded, so '#', '?', spaces or newlines cannot
        // break the link
        String url =
                api.htmlBase(repo)
                        + "/blob/"
                        + UriPaths.segment(commit)
                        + "/"
                        + UriPaths.path(f.path())
                        + "#L"
                        + f.id().line();
        return new Sighting(
                f.accessKeyId(),
                f.secretRedacted(),
                f.secretSha256(),
                repo,
                f.path(),
                f.id().line(),
                commit,
                author,
                url,
                clock.instant(),
                source);
    }

    private static String describe(RuntimeException e) {
        return e instanceof GitHubException || e instanceof StoreException
                ? e.getMessage()
                : "unexpected " + e;
    }

    /** Our lease ran out and another instance took the work over: roll back and let it finish. */
    private static final class LostClaimException extends RuntimeException {
        LostClaimException(String what) {
            super(what);
        }
    }
}
