package dev.akguard.monitor.notify.outbox;

import dev.akguard.monitor.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The inbox in the {@code inbox} table; {@code delivery_key} is unique, so a retried delivery
 * inserts nothing.
 */
public final class JdbcInbox implements Inbox {
    private final Database db;

    public JdbcInbox(Database db) {
        this.db = db;
    }

    @Override
    public boolean add(String deliveryKey, InboxMessage m) {
        String sql =
                "INSERT INTO inbox (at, alert_id, title, body, delivery_key) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, m.at().toEpochMilli());
            if (m.alertId() == 0) ps.setNull(2, java.sql.Types.BIGINT);
            else ps.setLong(2, m.alertId()); // 0: no alert (a test message)
            ps.setString(3, m.title());
            ps.setString(4, m.body());
            ps.setString(5, deliveryKey);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new OutboxException("cannot add to the inbox: " + e.getMessage(), e);
        }
    }

    @Override
    public List<InboxMessage> latest(int limit) {
        String sql =
                "SELECT at, alert_id, title, body FROM inbox ORDER BY at DESC, id DESC LIMIT ?";
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            List<InboxMessage> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(
                            new InboxMessage(
                                    Instant.ofEpochMilli(rs.getLong(1)),
                                    rs.getLong(2),
                                    rs.getString(3),
                                    rs.getString(4)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new OutboxException("cannot read the inbox: " + e.getMessage(), e);
        }
    }
}
