package dev.akguard.monitor.store;

import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.model.HandlingMethod;
import dev.akguard.monitor.model.Validity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Alerts, their occurrences and history. Recording is idempotent (unique keys on the pair and on
 * the place), so a retried or concurrent recording never duplicates. Methods taking a {@link
 * Connection} join the caller's transaction; the others run their own.
 */
public final class AlertStore {

    /** Who the watcher records itself as in history. */
    public static final String WATCHER = "akguard-watch";

    private static final String ALERT_COLUMNS =
            "a.id, a.access_key_id, a.secret_redacted, a.secret_sha256, a.status, "
                    + "a.handling_method, a.validity, a.account_id, a.first_seen, a.last_seen";

    private final Database db;
    private final Clock clock;

    public AlertStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Database database() {
        return db;
    }

    /** Records a sighting inside the caller's transaction. */
    public RecordOutcome record(Connection c, Sighting s) throws SQLException {
        long now = s.seenAt().toEpochMilli();
        boolean created;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO alerts (access_key_id, secret_sha256, secret_redacted, status, "
                                + "validity, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (access_key_id, secret_sha256) DO NOTHING")) {
            ps.setString(1, s.accessKeyId());
            ps.setString(2, s.secretSha256());
            ps.setString(3, s.secretRedacted());
            ps.setString(4, AlertStatus.UNHANDLED.name());
            ps.setString(5, Validity.UNVERIFIED.name());
            ps.setLong(6, now);
            ps.setLong(7, now);
            created = ps.executeUpdate() == 1;
        }
        long id;
        AlertStatus status;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT id, status FROM alerts WHERE access_key_id = ? AND secret_sha256 = ?"
                                + db.dialect().forUpdate())) {
            ps.setString(1, s.accessKeyId());
            ps.setString(2, s.secretSha256());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("alert vanished while recording it");
                id = rs.getLong(1);
                status = AlertStatus.valueOf(rs.getString(2));
            }
        }
        boolean newPlace;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO occurrences (alert_id, repo, path, line, commit_sha, author, url, source, seen_at) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (alert_id, repo, commit_sha, path, line) DO NOTHING")) {
            ps.setLong(1, id);
            ps.setString(2, s.repo());
            ps.setString(3, s.path());
            ps.setInt(4, s.line());
            ps.setString(5, s.commit());
            ps.setString(6, s.author());
            ps.setString(7, s.url());
            ps.setString(8, s.source());
            ps.setLong(9, now);
            newPlace = ps.executeUpdate() == 1;
        }
        if (created) {
            addHistory(
                    c, id, s.seenAt(), WATCHER, HistoryEntry.CREATED, "first seen in " + place(s));
            return new RecordOutcome(id, RecordOutcome.Kind.CREATED);
        }
        if (!newPlace) return new RecordOutcome(id, RecordOutcome.Kind.ALREADY_RECORDED);
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE alerts SET last_seen = ? WHERE id = ? AND last_seen < ?")) {
            ps.setLong(1, now);
            ps.setLong(2, id);
            ps.setLong(3, now);
            ps.executeUpdate();
        }
        AlertStateMachine.Transition reopen = AlertStateMachine.seenInNewPlace(status);
        if (reopen != null) {
            setState(c, id, reopen);
            addHistory(
                    c,
                    id,
                    s.seenAt(),
                    WATCHER,
                    reopen.action(),
                    "handled pair seen again in " + place(s));
            return new RecordOutcome(id, RecordOutcome.Kind.REOPENED);
        }
        return new RecordOutcome(
                id,
                status == AlertStatus.WHITELISTED
                        ? RecordOutcome.Kind.WHITELISTED_SEEN
                        : RecordOutcome.Kind.NEW_OCCURRENCE);
    }

    /** Records a manual handling (deleted, disabled, whitelist). */
    public Alert handle(long id, HandlingMethod method, String by, String note) {
        return transition(id, by, note, current -> AlertStateMachine.handle(current, method));
    }

    /** Cancels the whitelist: back to unhandled. */
    public Alert unwhitelist(long id, String by, String note) {
        return transition(id, by, note, AlertStateMachine::unwhitelist);
    }

    // ---- verification state (policy in verify/VerificationStore) ----

    /** An alert's verification state, locked for update in the caller's transaction. */
    public record VerifyState(Validity validity, int attempts) {}

    /** What is known about an alert's last verification. */
    public record VerifyDetails(
            Validity validity,
            String accountId,
            String arn,
            Instant verifiedAt,
            String detail,
            int attempts,
            Instant nextVerifyAt) {}

    /** An alert waiting for (re-)verification. */
    public record VerifyDue(long alertId, String accessKeyId, int attempts) {}

    /** What a notification about an alert needs: its redacted secret and known account. */
    public record PairFacts(String secretRedacted, String accountId) {}

    public VerifyState lockVerifyState(Connection c, long id) throws SQLException {
        return Sql.one(
                        c,
                        "SELECT validity, verify_attempts FROM alerts WHERE id = ?"
                                + db.dialect().forUpdate(),
                        rs -> new VerifyState(Validity.valueOf(rs.getString(1)), rs.getInt(2)),
                        id)
                .orElseThrow(() -> new AlertNotFoundException(id));
    }

    /** Stores a check's result; {@code nextVerifyAt} null leaves the re-verify queue. */
    public void setVerification(
            Connection c,
            long id,
            Validity validity,
            String accountId,
            String arn,
            String detail,
            Instant at,
            int attempts,
            Instant nextVerifyAt)
            throws SQLException {
        int n =
                Sql.update(
                        c,
                        "UPDATE alerts SET validity = ?, account_id = COALESCE(?, account_id), arn = COALESCE(?, arn), "
                                + "verified_at = ?, verify_detail = ?, verify_attempts = ?, next_verify_at = ? WHERE id = ?",
                        validity,
                        accountId,
                        arn,
                        at,
                        detail,
                        attempts,
                        nextVerifyAt,
                        id);
        if (n == 0) throw new AlertNotFoundException(id);
    }

    /**
     * Counts a check that could not run; {@code retryAt} applies while fewer than {@code
     * maxAttempts} were made.
     */
    public void setVerifyFailure(
            Connection c, long id, String detail, Instant retryAt, int maxAttempts)
            throws SQLException {
        int n =
                Sql.update(
                        c,
                        "UPDATE alerts SET verify_attempts = verify_attempts + 1, verify_detail = ?, "
                                + "next_verify_at = CASE WHEN ? AND verify_attempts + 1 < ? THEN ? ELSE NULL END WHERE id = ?",
                        detail,
                        retryAt != null,
                        maxAttempts,
                        retryAt == null ? 0L : retryAt.toEpochMilli(),
                        id);
        if (n == 0) throw new AlertNotFoundException(id);
    }

    /** Unhandled alerts never checked or without a verdict whose retry is due, oldest first. */
    public List<VerifyDue> dueForVerification(Instant now, int maxAttempts, int limit) {
        return db.transactionUninterruptibly(
                c ->
                        Sql.query(
                                c,
                                "SELECT id, access_key_id, verify_attempts FROM alerts WHERE status = ? "
                                        + "AND validity IN ('UNKNOWN', 'UNVERIFIED') AND verify_attempts < ? "
                                        + "AND (next_verify_at IS NULL AND verify_attempts = 0 OR next_verify_at <= ?) ORDER BY id LIMIT ?",
                                rs -> new VerifyDue(rs.getLong(1), rs.getString(2), rs.getInt(3)),
                                AlertStatus.UNHANDLED,
                                maxAttempts,
                                now,
                                limit));
    }

    public Optional<VerifyDetails> verifyDetails(long id) {
        return db.transactionUninterruptibly(
                c ->
                        Sql.one(
                                c,
                                "SELECT validity, account_id, arn, verified_at, verify_detail, "
                                        + "verify_attempts, next_verify_at FROM alerts WHERE id = ?",
                                rs ->
                                        new VerifyDetails(
                                                Validity.valueOf(rs.getString(1)),
                                                rs.getString(2),
                                                rs.getString(3),
                                                Sql.instant(rs, 4),
                                                rs.getString(5),
                                                rs.getInt(6),
                                                Sql.instant(rs, 7)),
                                id));
    }

    /** The alert's redacted secret and account, if alert {@code id} is this pair. */
    public Optional<PairFacts> pairFacts(
            Connection c, long id, String accessKeyId, String secretSha256) throws SQLException {
        return Sql.one(
                c,
                "SELECT secret_redacted, account_id FROM alerts WHERE id = ? AND access_key_id = ? AND secret_sha256 = ?",
                rs -> new PairFacts(rs.getString(1), rs.getString(2)),
                id,
                accessKeyId,
                secretSha256);
    }

    /** Where the alert was seen last. */
    public Optional<Occurrence> latestOccurrence(Connection c, long id) throws SQLException {
        return Sql.one(
                c,
                "SELECT repo, path, line, commit_sha, author, url, seen_at FROM occurrences "
                        + "WHERE alert_id = ? ORDER BY seen_at DESC, id DESC LIMIT 1",
                rs ->
                        new Occurrence(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getInt(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                Instant.ofEpochMilli(rs.getLong(7))),
                id);
    }

    // ---- per AccessKey ID (call records, anomalies) ----

    /**
     * One leaked AccessKey ID: when it was first seen, its newest alert, and how far its call
     * records are fetched.
     */
    public record LeakedKey(
            String accessKeyId,
            Instant firstSeen,
            long latestAlertId,
            Instant callsUntil,
            Instant callsFetchedAt) {}

    /** Every leaked AccessKey ID. */
    public List<LeakedKey> leakedKeys() {
        return db.transactionUninterruptibly(
                c ->
                        Sql.query(
                                c,
                                "SELECT access_key_id, MIN(first_seen), MAX(id), MIN(calls_until), "
                                        + "MAX(calls_fetched_at) FROM alerts GROUP BY access_key_id ORDER BY MIN(id)",
                                AlertStore::leakedKey));
    }

    /** AccessKey IDs of VALID unhandled alerts, whose calls are worth following. */
    public List<LeakedKey> validUnhandledKeys() {
        return db.transactionUninterruptibly(
                c ->
                        Sql.query(
                                c,
                                "SELECT access_key_id, MIN(first_seen), MAX(id), MIN(calls_until), "
                                        + "MAX(calls_fetched_at) FROM alerts WHERE validity = ? AND status = ? GROUP BY access_key_id ORDER BY MIN(id)",
                                AlertStore::leakedKey,
                                Validity.VALID,
                                AlertStatus.UNHANDLED));
    }

    /**
     * Records that the key's call records are fetched up to {@code until}, in the caller's
     * transaction.
     */
    public void markCallsFetched(Connection c, String accessKeyId, Instant until, Instant at)
            throws SQLException {
        Sql.update(
                c,
                "UPDATE alerts SET calls_until = ?, calls_fetched_at = ? WHERE access_key_id = ?",
                until,
                at,
                accessKeyId);
    }

    private static LeakedKey leakedKey(ResultSet rs) throws SQLException {
        return new LeakedKey(
                rs.getString(1),
                Instant.ofEpochMilli(rs.getLong(2)),
                rs.getLong(3),
                Sql.instant(rs, 4),
                Sql.instant(rs, 5));
    }

    private Alert transition(
            long id,
            String by,
            String note,
            java.util.function.Function<AlertStatus, AlertStateMachine.Transition> rule) {
        db.transactionUninterruptibly(
                c -> {
                    if (!HandledTable.ALERTS.transition(
                            c, db.dialect(), id, clock.instant(), by, note, rule))
                        throw new AlertNotFoundException(id);
                    return null;
                });
        return find(id).orElseThrow(() -> new AlertNotFoundException(id));
    }

    private static void setState(Connection c, long id, AlertStateMachine.Transition t)
            throws SQLException {
        HandledTable.ALERTS.setState(c, id, t);
    }

    /**
     * Appends to an alert's history inside the caller's transaction (other modules record their
     * actions here too).
     */
    public static void addHistory(
            Connection c, long alertId, Instant at, String by, String action, String note)
            throws SQLException {
        HandledTable.ALERTS.addHistory(c, alertId, at, by, action, note);
    }

    /** Alerts with a status (null: all), newest first, with occurrences and history. */
    public List<Alert> list(AlertStatus status) {
        return db.transactionUninterruptibly(
                c ->
                        status == null
                                ? load(c, "1 = 1", null)
                                : load(c, "a.status = ?", status.name()));
    }

    public Optional<Alert> find(long id) {
        return db.transactionUninterruptibly(c -> load(c, "a.id = ?", id).stream().findFirst());
    }

    /**
     * Three queries whatever the number of alerts: the alerts, then all their occurrences, then all
     * their history.
     */
    private List<Alert> load(Connection c, String where, Object param) throws SQLException {
        Map<Long, Alert> alerts = new LinkedHashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT "
                                + ALERT_COLUMNS
                                + " FROM alerts a WHERE "
                                + where
                                + " ORDER BY a.id DESC")) {
            if (param != null) ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Alert a = alert(rs);
                    alerts.put(a.id(), a);
                }
            }
        }
        if (alerts.isEmpty()) return List.of();
        Map<Long, List<Occurrence>> occurrences = new HashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT o.alert_id, o.repo, o.path, o.line, o.commit_sha, o.author, o.url, o.seen_at "
                                + "FROM occurrences o JOIN alerts a ON a.id = o.alert_id WHERE "
                                + where
                                + " ORDER BY o.alert_id, o.seen_at, o.id")) {
            if (param != null) ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    occurrences
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(
                                    new Occurrence(
                                            rs.getString(2),
                                            rs.getString(3),
                                            rs.getInt(4),
                                            rs.getString(5),
                                            rs.getString(6),
                                            rs.getString(7),
                                            Instant.ofEpochMilli(rs.getLong(8))));
                }
            }
        }
        Map<Long, List<HistoryEntry>> history = new HashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT h.alert_id, h.at, h.by_user, h.action, h.note "
                                + "FROM history h JOIN alerts a ON a.id = h.alert_id WHERE "
                                + where
                                + " ORDER BY h.alert_id, h.at, h.id")) {
            if (param != null) ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    history.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(
                                    new HistoryEntry(
                                            Instant.ofEpochMilli(rs.getLong(2)),
                                            rs.getString(3),
                                            rs.getString(4),
                                            rs.getString(5)));
                }
            }
        }
        List<Alert> out = new ArrayList<>(alerts.size());
        for (Alert a : alerts.values()) {
            List<Occurrence> occ = occurrences.getOrDefault(a.id(), List.of());
            out.add(
                    new Alert(
                            a.id(),
                            a.accessKeyId(),
                            a.secretRedacted(),
                            a.secretSha256(),
                            a.status(),
                            a.handlingMethod(),
                            a.validity(),
                            a.accountId(),
                            a.firstSeen(),
                            a.lastSeen(),
                            List.copyOf(occ),
                            List.copyOf(history.getOrDefault(a.id(), List.of()))));
        }
        return out;
    }

    /** Number of alerts and occurrences, for tests and the watcher's summary. */
    public long[] counts() {
        return db.transactionUninterruptibly(
                c -> new long[] {count(c, "alerts"), count(c, "occurrences")});
    }

    private static long count(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        String method = rs.getString(6);
        return new Alert(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                AlertStatus.valueOf(rs.getString(5)),
                method == null ? null : HandlingMethod.valueOf(method),
                Validity.valueOf(rs.getString(7)),
                rs.getString(8),
                Instant.ofEpochMilli(rs.getLong(9)),
                Instant.ofEpochMilli(rs.getLong(10)),
                List.of(),
                List.of());
    }

    private static String place(Sighting s) {
        return s.repo()
                + "/"
                + s.path()
                + ":"
                + s.line()
                + " (commit "
                + shortSha(s.commit())
                + ")";
    }

    private static String shortSha(String sha) {
        return sha == null || sha.length() < 8 ? String.valueOf(sha) : sha.substring(0, 8);
    }
}
