package dev.akguard.monitor.calls;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import dev.akguard.monitor.anomaly.RaisedAnomaly;
import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.model.Anomaly;
import dev.akguard.monitor.model.HandlingMethod;
import dev.akguard.monitor.store.AlertStateMachine;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.HandledTable;
import dev.akguard.monitor.store.HistoryEntry;
import dev.akguard.monitor.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Anomaly alerts in {@code anomalies} (dedupe key unique: the same records never raise one twice)
 * with their handling state and history ({@code anomaly_history}), following the same state machine
 * as leak alerts.
 */
public final class AnomalyStore {
    public static final String RAISED = "raised";
    private static final Gson GSON = new Gson();
    private static final String COLUMNS =
            "id, type, access_key_id, at, detail, evidence, alert_id, status, handling_method, found_at";

    private final Database db;
    private final Clock clock;

    public AnomalyStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Inserts in the caller's transaction; returns the new id, or empty when it was raised before.
     */
    public Optional<Long> insert(
            Connection c, RaisedAnomaly r, Long alertId, Instant foundAt, String by)
            throws SQLException {
        Anomaly a = r.anomaly();
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO anomalies (dedupe_key, type, access_key_id, alert_id, at, detail, "
                                + "evidence, status, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING")) {
            ps.setString(1, r.dedupeKey());
            ps.setString(2, a.type());
            ps.setString(3, a.accessKeyId());
            if (alertId == null) ps.setNull(4, Types.BIGINT);
            else ps.setLong(4, alertId);
            ps.setLong(5, a.at().toEpochMilli());
            ps.setString(6, a.detail());
            ps.setString(7, GSON.toJson(a.evidence()));
            ps.setString(8, AlertStatus.UNHANDLED.name());
            ps.setLong(9, foundAt.toEpochMilli());
            if (ps.executeUpdate() == 0) return Optional.empty();
        }
        long id;
        try (PreparedStatement ps =
                c.prepareStatement("SELECT id FROM anomalies WHERE dedupe_key = ?")) {
            ps.setString(1, r.dedupeKey());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        addHistory(c, id, foundAt, by, RAISED, a.detail());
        return Optional.of(id);
    }

    /** Anomalies triggered at or after {@code since} (null: all), newest first. */
    public List<StoredAnomaly> list(Instant since) {
        return db.transactionUninterruptibly(
                c -> {
                    List<StoredAnomaly> out = new ArrayList<>();
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT "
                                            + COLUMNS
                                            + " FROM anomalies WHERE at >= ? ORDER BY at DESC, id DESC")) {
                        ps.setLong(1, since == null ? Long.MIN_VALUE : since.toEpochMilli());
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) out.add(row(rs));
                        }
                    }
                    List<StoredAnomaly> withHistory = new ArrayList<>();
                    for (StoredAnomaly s : out) withHistory.add(withHistory(c, s));
                    return withHistory;
                });
    }

    public Optional<StoredAnomaly> find(long id) {
        return db.transactionUninterruptibly(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT " + COLUMNS + " FROM anomalies WHERE id = ?")) {
                        ps.setLong(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next()
                                    ? Optional.of(withHistory(c, row(rs)))
                                    : Optional.<StoredAnomaly>empty();
                        }
                    }
                });
    }

    /** Records a handling (deleted, disabled, whitelist), as for leak alerts. */
    public StoredAnomaly handle(long id, HandlingMethod method, String by, String note) {
        return transition(id, by, note, current -> AlertStateMachine.handle(current, method));
    }

    public StoredAnomaly unwhitelist(long id, String by, String note) {
        return transition(id, by, note, AlertStateMachine::unwhitelist);
    }

    private StoredAnomaly transition(
            long id,
            String by,
            String note,
            java.util.function.Function<AlertStatus, AlertStateMachine.Transition> rule) {
        db.transactionUninterruptibly(
                c -> {
                    if (!HandledTable.ANOMALIES.transition(
                            c, db.dialect(), id, clock.instant(), by, note, rule))
                        throw notFound(id);
                    return null;
                });
        return find(id).orElseThrow(() -> notFound(id));
    }

    public static StoreException notFound(long id) {
        return new StoreException(
                "No anomaly with id " + id + ". List anomalies with: akguard monitor anomalies");
    }

    private static void addHistory(
            Connection c, long id, Instant at, String by, String action, String note)
            throws SQLException {
        HandledTable.ANOMALIES.addHistory(c, id, at, by, action, note);
    }

    private static StoredAnomaly withHistory(Connection c, StoredAnomaly s) throws SQLException {
        List<HistoryEntry> history = new ArrayList<>();
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT at, by_user, action, note FROM anomaly_history WHERE anomaly_id = ? ORDER BY at, id")) {
            ps.setLong(1, s.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next())
                    history.add(
                            new HistoryEntry(
                                    Instant.ofEpochMilli(rs.getLong(1)),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4)));
            }
        }
        return new StoredAnomaly(
                s.id(),
                s.anomaly(),
                s.alertId(),
                s.status(),
                s.handlingMethod(),
                s.foundAt(),
                List.copyOf(history));
    }

    private static StoredAnomaly row(ResultSet rs) throws SQLException {
        List<String> evidence =
                GSON.fromJson(rs.getString(6), new TypeToken<List<String>>() {}.getType());
        long alert = rs.getLong(7);
        Long alertId = rs.wasNull() ? null : alert;
        String method = rs.getString(9);
        Anomaly a =
                new Anomaly(
                        rs.getString(2),
                        rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)),
                        rs.getString(5),
                        evidence == null ? List.of() : evidence);
        return new StoredAnomaly(
                rs.getLong(1),
                a,
                alertId,
                AlertStatus.valueOf(rs.getString(8)),
                method == null ? null : HandlingMethod.valueOf(method),
                Instant.ofEpochMilli(rs.getLong(10)),
                List.of());
    }
}
