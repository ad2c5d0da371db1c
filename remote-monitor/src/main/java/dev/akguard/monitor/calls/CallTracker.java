package dev.akguard.monitor.calls;

import dev.akguard.monitor.alibaba.CallRecordClient;
import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.model.CallRecord;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps the call records of every VALID, unhandled leak up to date: the first fetch reaches {@code lookback} before
 * the leak was first seen (the rate rule's baseline; ActionTrail keeps 90 days), later fetches continue from where
 * the previous one ended (with a small overlap; the store drops repeats). A key is fetched at most once per
 * {@code refreshInterval}, which keeps a fast watch loop within ActionTrail's rate limit.
 */
public final class CallTracker {
    /** ActionTrail's LookupEvents reaches this far back. */
    static final Duration MAX_LOOKBACK = Duration.ofDays(90);
    /** Events can reach ActionTrail minutes late: each refresh re-reads this much of the previous window. */
    static final Duration OVERLAP = Duration.ofMinutes(15);

    /** Keys refreshed and new records stored in one pass. */
    public record Report(int keysFetched, int newRecords) { }

    private final Database db;
    private final CallRecordStore records;
    private final Supplier<CallRecordClient> client;
    private final CallsSettings settings;
    private final Clock clock;

    public CallTracker(Database db, Supplier<CallRecordClient> client, CallsSettings settings, Clock clock) {
        this.db = db;
        this.records = new CallRecordStore(db);
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Fetches the calls of every due key.
     *
     * @throws dev.akguard.monitor.alibaba.CallRecordException when ActionTrail refuses or does not answer
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
            int n = db.transactionUninterruptibly(c -> {
                int stored = records.store(c, key, calls, now);
                try (PreparedStatement ps = c.prepareStatement("UPDATE alerts SET calls_until = ?, calls_fetched_at = ? WHERE access_key_id = ?")) {
                    ps.setLong(1, now.toEpochMilli());
                    ps.setLong(2, now.toEpochMilli());
                    ps.setString(3, key);
                    ps.executeUpdate();
                }
                return stored;
            });
            fetched++;
            added += n;
        }
        return new Report(fetched, added);
    }

    /** Keys of VALID unhandled alerts not fetched within the refresh interval, with where their fetch starts. */
    private Map<String, Instant> dueKeys(Instant now) {
        return db.transactionUninterruptibly(c -> {
            Map<String, Instant> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT access_key_id, MIN(first_seen), MIN(calls_until), MAX(calls_fetched_at) "
                    + "FROM alerts WHERE validity = ? AND status = ? GROUP BY access_key_id ORDER BY MIN(id)")) {
                ps.setString(1, Validity.VALID.name());
                ps.setString(2, AlertStatus.UNHANDLED.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long fetchedAt = rs.getLong(4);
                        boolean never = rs.wasNull();
                        if (!never && Instant.ofEpochMilli(fetchedAt).plus(settings.refreshInterval()).isAfter(now)) continue;
                        long until = rs.getLong(3);
                        Instant from = rs.wasNull() ? Instant.ofEpochMilli(rs.getLong(2)).minus(settings.lookback())
                                : Instant.ofEpochMilli(until).minus(OVERLAP);
                        out.put(rs.getString(1), from);
                    }
                }
            }
            return out;
        });
    }
}
