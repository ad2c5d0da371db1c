package dev.akguard.monitor.store;

import dev.akguard.monitor.model.AlertStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.function.Function;

/**
 * A table of things that go through the handling states (leak alerts, anomalies) and its history
 * table. Both follow the same {@link AlertStateMachine}; this is the one place that applies a
 * transition to a row. Table and column names are constants of this class, never user input.
 */
public final class HandledTable {
    public static final HandledTable ALERTS = new HandledTable("alerts", "history", "alert_id");
    public static final HandledTable ANOMALIES =
            new HandledTable("anomalies", "anomaly_history", "anomaly_id");

    private final String table;
    private final String historyTable;
    private final String historyKey;

    private HandledTable(String table, String historyTable, String historyKey) {
        this.table = table;
        this.historyTable = historyTable;
        this.historyKey = historyKey;
    }

    /**
     * Inside the caller's transaction: reads the row's status under a row lock, asks {@code rule}
     * for the transition (it throws {@link IllegalTransitionException} when the move is not
     * allowed), writes the new state and a history line. Returns false when there is no such row.
     */
    public boolean transition(
            Connection c,
            Dialect dialect,
            long id,
            Instant at,
            String by,
            String note,
            Function<AlertStatus, AlertStateMachine.Transition> rule)
            throws SQLException {
        AlertStatus current;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT status FROM " + table + " WHERE id = ?" + dialect.forUpdate())) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return false;
                current = AlertStatus.valueOf(rs.getString(1));
            }
        }
        AlertStateMachine.Transition t = rule.apply(current);
        setState(c, id, t);
        addHistory(c, id, at, by, t.action(), note);
        return true;
    }

    /** Writes status and handling method, without a history line (callers add their own). */
    public void setState(Connection c, long id, AlertStateMachine.Transition t)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "UPDATE " + table + " SET status = ?, handling_method = ? WHERE id = ?")) {
            ps.setString(1, t.status().name());
            ps.setString(2, t.method() == null ? null : t.method().name());
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /** Appends to a row's history inside the caller's transaction. */
    public void addHistory(Connection c, long id, Instant at, String by, String action, String note)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO "
                                + historyTable
                                + " ("
                                + historyKey
                                + ", at, by_user, action, note) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, at.toEpochMilli());
            ps.setString(3, by);
            ps.setString(4, action);
            ps.setString(5, note);
            ps.executeUpdate();
        }
    }
}
