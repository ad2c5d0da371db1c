package dev.akguard.monitor.notify.outbox;

import dev.akguard.monitor.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox in the {@code outbox} table, portable between SQLite and PostgreSQL: claims use a
 * compare-and-set UPDATE on (id, attempts, due time) instead of row locks, so concurrent
 * dispatchers never both win an item.
 */
public final class JdbcOutbox implements Outbox {
    private static final String COLUMNS =
            "id, channel, alert_id, kind, payload, status, attempts, next_attempt_at, created_at, sent_at, last_error";

    private final Database db;

    public JdbcOutbox(Database db) {
        this.db = db;
    }

    @Override
    public int enqueue(List<OutboxEntry> entries, Instant now) {
        try (Connection c = db.connect()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                int n = enqueue(c, entries, now);
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new OutboxException("cannot queue notifications: " + e.getMessage(), e);
        }
    }

    /**
     * Queues entries on the caller's connection, inside the caller's transaction: call it in the
     * same transaction that inserts or updates the alert, so the alert and its notifications commit
     * (or vanish) together.
     */
    public static int enqueue(Connection tx, List<OutboxEntry> entries, Instant now)
            throws SQLException {
        String sql =
                "INSERT INTO outbox (channel, alert_id, kind, payload, status, attempts, next_attempt_at, created_at) "
                        + "VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?) ON CONFLICT DO NOTHING";
        int added = 0;
        try (PreparedStatement ps = tx.prepareStatement(sql)) {
            for (OutboxEntry e : entries) {
                ps.setString(1, e.channel());
                ps.setLong(2, e.alertId());
                ps.setString(3, e.kind());
                ps.setString(4, e.payload());
                ps.setLong(5, now.toEpochMilli());
                ps.setLong(6, now.toEpochMilli());
                added += ps.executeUpdate();
            }
        }
        return added;
    }

    @Override
    public List<OutboxItem> claimDue(Instant now, int limit, Duration lease) {
        String candidates =
                "SELECT id, attempts, next_attempt_at FROM outbox WHERE status IN ('PENDING', 'SENDING') "
                        + "AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?";
        String claim =
                "UPDATE outbox SET status = 'SENDING', attempts = attempts + 1, next_attempt_at = ? "
                        + "WHERE id = ? AND attempts = ? AND next_attempt_at = ? AND status IN ('PENDING', 'SENDING')";
        List<OutboxItem> claimed = new ArrayList<>();
        try (Connection c = db.connect()) {
            List<long[]> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(candidates)) {
                ps.setLong(1, now.toEpochMilli());
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next())
                        found.add(new long[] {rs.getLong(1), rs.getInt(2), rs.getLong(3)});
                }
            }
            try (PreparedStatement ps = c.prepareStatement(claim)) {
                for (long[] f : found) {
                    ps.setLong(1, now.plus(lease).toEpochMilli());
                    ps.setLong(2, f[0]);
                    ps.setInt(3, (int) f[1]);
                    ps.setLong(4, f[2]);
                    if (ps.executeUpdate() == 1) claimed.add(get(c, f[0]));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new OutboxException(
                    "cannot claim notifications from the outbox: " + e.getMessage(), e);
        }
    }

    @Override
    public void markDelivered(OutboxItem item, Instant now) {
        update(
                "UPDATE outbox SET status = 'DELIVERED', sent_at = ?, last_error = NULL WHERE id = ? AND status <> 'DELIVERED'",
                "mark a notification delivered",
                now.toEpochMilli(),
                item.id());
    }

    @Override
    public void markFailed(OutboxItem item, String error, Instant retryAt) {
        String status = retryAt == null ? OutboxStatus.DEAD.db() : OutboxStatus.PENDING.db();
        long due = retryAt == null ? item.nextAttemptAt().toEpochMilli() : retryAt.toEpochMilli();
        update(
                "UPDATE outbox SET status = ?, next_attempt_at = ?, last_error = ? WHERE id = ? AND attempts = ? AND status = 'SENDING'",
                "record a failed notification",
                status,
                due,
                truncate(error),
                item.id(),
                item.attempts());
    }

    @Override
    public List<OutboxItem> list(OutboxStatus status, int limit) {
        String sql =
                "SELECT "
                        + COLUMNS
                        + " FROM outbox"
                        + (status == null ? "" : " WHERE status = ?")
                        + " ORDER BY id LIMIT ?";
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (status != null) ps.setString(i++, status.db());
            ps.setInt(i, limit);
            List<OutboxItem> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new OutboxException("cannot list the outbox: " + e.getMessage(), e);
        }
    }

    @Override
    public int reviveDead(Instant now) {
        return update(
                "UPDATE outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ? WHERE status = 'DEAD'",
                "revive dead notifications",
                now.toEpochMilli());
    }

    private int update(String sql, String what, Object... args) {
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    private static OutboxItem get(Connection c, long id) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next())
                    throw new SQLException("outbox item " + id + " vanished while being claimed");
                return read(rs);
            }
        }
    }

    private static OutboxItem read(ResultSet rs) throws SQLException {
        long delivered = rs.getLong(10);
        Instant deliveredAt = rs.wasNull() ? null : Instant.ofEpochMilli(delivered);
        return new OutboxItem(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                OutboxStatus.fromDb(rs.getString(6)),
                rs.getInt(7),
                Instant.ofEpochMilli(rs.getLong(8)),
                Instant.ofEpochMilli(rs.getLong(9)),
                deliveredAt,
                rs.getString(11));
    }

    private static String truncate(String s) {
        if (s == null) return null;
        return s.length() > 1000 ? s.substring(0, 1000) + "…" : s;
    }
}
