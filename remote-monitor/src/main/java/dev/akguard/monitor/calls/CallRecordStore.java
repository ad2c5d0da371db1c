package dev.akguard.monitor.calls;

import dev.akguard.monitor.model.CallRecord;
import dev.akguard.monitor.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * ActionTrail call records kept in {@code call_records}, one row per (AccessKey ID, event id):
 * refetching an overlapping window stores nothing twice.
 */
public final class CallRecordStore {
    private static final String COLUMNS =
            "event_time, event_name, service_name, source_ip_address, acs_region, event_rw, "
                    + "error_code, user_agent, user_name, access_key_id, account_id, identity_type, event_id";

    private final Database db;

    public CallRecordStore(Database db) {
        this.db = db;
    }

    /**
     * Stores records made with {@code accessKeyId} in the caller's transaction; returns how many
     * were new.
     */
    public int store(Connection c, String accessKeyId, List<CallRecord> records, Instant fetchedAt)
            throws SQLException {
        int added = 0;
        try (PreparedStatement ps =
                c.prepareStatement(
                        "INSERT INTO call_records (access_key_id, event_id, event_time, event_name, "
                                + "service_name, source_ip_address, acs_region, event_rw, error_code, user_agent, user_name, account_id, identity_type, "
                                + "fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (access_key_id, event_id) DO NOTHING")) {
            for (CallRecord r : records) {
                if (r.eventTime() == null) continue;
                ps.setString(1, r.accessKeyId() != null ? r.accessKeyId() : accessKeyId);
                ps.setString(2, r.eventId() != null ? r.eventId() : syntheticId(r));
                ps.setLong(3, r.eventTime().toEpochMilli());
                ps.setString(4, r.eventName());
                ps.setString(5, r.serviceName());
                ps.setString(6, r.sourceIpAddress());
                ps.setString(7, r.acsRegion());
                ps.setString(8, r.eventRW());
                ps.setString(9, r.errorCode());
                ps.setString(10, r.userAgent());
                ps.setString(11, r.userName());
                ps.setString(12, r.accountId());
                ps.setString(13, r.identityType());
                ps.setLong(14, fetchedAt.toEpochMilli());
                added += ps.executeUpdate();
            }
        }
        return added;
    }

    /** Every stored record at or after {@code from} (null: all), oldest first. */
    public List<CallRecord> since(Instant from) {
        return query(
                "SELECT "
                        + COLUMNS
                        + " FROM call_records WHERE event_time >= ? ORDER BY event_time, id",
                null,
                from == null ? Long.MIN_VALUE : from.toEpochMilli());
    }

    /** One key's stored records, oldest first. */
    public List<CallRecord> forKey(String accessKeyId) {
        return query(
                "SELECT "
                        + COLUMNS
                        + " FROM call_records WHERE access_key_id = ? AND event_time >= ? ORDER BY event_time, id",
                accessKeyId,
                Long.MIN_VALUE);
    }

    private List<CallRecord> query(String sql, String key, long from) {
        return db.transactionUninterruptibly(
                c -> {
                    List<CallRecord> out = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        int i = 1;
                        if (key != null) ps.setString(i++, key);
                        ps.setLong(i, from);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(
                                        new CallRecord(
                                                Instant.ofEpochMilli(rs.getLong(1)),
                                                rs.getString(2),
                                                rs.getString(3),
                                                rs.getString(4),
                                                rs.getString(5),
                                                rs.getString(6),
                                                rs.getString(7),
                                                rs.getString(8),
                                                rs.getString(9),
                                                rs.getString(10),
                                                rs.getString(11),
                                                rs.getString(12),
                                                rs.getString(13)));
                            }
                        }
                    }
                    return out;
                });
    }

    /** Events without an id still get a stable key, so refetching them stores nothing twice. */
    static String syntheticId(CallRecord r) {
        String s =
                r.eventTime()
                        + "|"
                        + r.eventName()
                        + "|"
                        + r.sourceIpAddress()
                        + "|"
                        + r.acsRegion()
                        + "|"
                        + r.userAgent()
                        + "|"
                        + r.errorCode();
        return "sha256:" + dev.akguard.core.finding.Secret.sha256Hex(s);
    }
}
