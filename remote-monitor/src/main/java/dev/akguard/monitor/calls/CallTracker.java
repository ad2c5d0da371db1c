package dev.akguard.monitor.calls;

import dev.akguard.monitor.alibaba.CallRecordClient;
import dev.akguard.monitor.model.CallRecord;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps the call records of every VALID, unhandled leak up to date: the first fetch reaches {@code
 * lookback} before the leak was first seen (the rate rule's baseline; ActionTrail keeps 90 days),
 * later fetches continue from where the previous one ended (with a small overlap; the store drops
 * repeats). A key is fetched at most once per {@code refreshInterval}, which keeps a fast watch
 * loop within ActionTrail's rate limit.
 */
public final class CallTracker {
    /** ActionTrail's LookupEvents reaches this far back. */
    static final Duration MAX_LOOKBACK = Duration.ofDays(90);

    /**
     * Events can reach ActionTrail minutes late: each refresh re-reads this much of the previous
     * window.
     */
    static final Duration OVERLAP = Duration.ofMinutes(15);

    /** Keys refreshed and new records stored in one pass. */
    public record Report(int keysFetched, int newRecords) {}

    private final Database db;
    private final CallRecordStore records;
    private final AlertStore alerts;
    private final Supplier<CallRecordClient> client;
    private final CallsSettings settings;
    private final Clock clock;

    public CallTracker(
            Database db, Supplier<CallRecordClient> client, CallsSettings settings, Clock clock) {
        this.db = db;
        this.records = new CallRecordStore(db);
        this.alerts = new AlertStore(db, clock);
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Fetches the calls of every due key.
     *
     * @throws dev.akguard.monitor.alibaba.CallRecordException when ActionTrail refuses or does not
     *     answer
     */
    public Report refresh() {
        Instant now = clock.instant();
        Map<String, Instant> due = dueKeys(now);
        int fetched = 0, added = 0;
        for (Map.Entry<String, Instant> e : due.entrySet()) {
            String key = e.getKey();
            Instant from = e.getValue();
            if (from.isBefore(now.minus(MAX_LOOKBACK))) from = now.minus(MAX_LOOKBACK);
            if (!from.isBefore(now)) from = now.minus(OVERLAP);
            List<CallRecord> calls = client.get().lookup(key, from, now, settings.regions());
            int n =
                    db.transactionUninterruptibly(
                            c -> {
                                int stored = records.store(c, key, calls, now);
                                alerts.markCallsFetched(c, key, now, now);
                                return stored;
                            });
            fetched++;
            added += n;
        }
        return new Report(fetched, added);
    }

    /**
     * Keys of VALID unhandled alerts not fetched within the refresh interval, with where their
     * fetch starts.
     */
    private Map<String, Instant> dueKeys(Instant now) {
        Map<String, Instant> out = new LinkedHashMap<>();
        for (AlertStore.LeakedKey k : alerts.validUnhandledKeys()) {
            if (k.callsFetchedAt() != null
                    && k.callsFetchedAt().plus(settings.refreshInterval()).isAfter(now)) continue;
            out.put(
                    k.accessKeyId(),
                    k.callsUntil() == null
                            ? k.firstSeen().minus(settings.lookback())
                            : k.callsUntil().minus(OVERLAP));
        }
        return out;
    }
}
