package dev.akguard.monitor.act;

import dev.akguard.monitor.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The account's RAM keys ({@code ram_keys}), so alerts can say whether a leaked key is ours and whose. */
public final class InventoryStore {
    private final Database db;

    public InventoryStore(Database db) { this.db = db; }

    /** Replaces the whole inventory in one transaction: keys gone from RAM disappear. */
    public void replaceAll(List<KeyOwner> keys) {
        db.transactionUninterruptibly(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM ram_keys")) {
                ps.executeUpdate();
            }
            for (KeyOwner k : keys) put(c, k);
            return null;
        });
    }

    /** Updates one key after akguard acted on it (disabled: new status; deleted: gone). */
    public void update(KeyOwner key) { db.transactionUninterruptibly(c -> { put(c, key); return null; }); }

    public void remove(String accessKeyId) {
        db.transactionUninterruptibly(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM ram_keys WHERE access_key_id = ?")) {
                ps.setString(1, accessKeyId);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<KeyOwner> find(String accessKeyId) {
        return Optional.ofNullable(all().get(accessKeyId));
    }

    /** Every known key by AccessKey ID. */
    public Map<String, KeyOwner> all() {
        return db.transactionUninterruptibly(c -> {
            Map<String, KeyOwner> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT access_key_id, user_name, user_id, status, created_at, last_used_at, "
                    + "synced_at FROM ram_keys ORDER BY user_name, access_key_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new KeyOwner(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs, 5), instant(rs, 6), instant(rs, 7)));
                }
            }
            return out;
        });
    }

    private static void put(Connection c, KeyOwner k) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ram_keys (access_key_id, user_name, user_id, status, created_at, "
                + "last_used_at, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (access_key_id) DO UPDATE SET "
                + "user_name = excluded.user_name, user_id = excluded.user_id, status = excluded.status, created_at = excluded.created_at, "
                + "last_used_at = excluded.last_used_at, synced_at = excluded.synced_at")) {
            ps.setString(1, k.accessKeyId());
            ps.setString(2, k.userName());
            ps.setString(3, k.userId());
            ps.setString(4, k.status());
            setInstant(ps, 5, k.createdAt());
            setInstant(ps, 6, k.lastUsed());
            setInstant(ps, 7, k.syncedAt());
            ps.executeUpdate();
        }
    }

    private static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) ps.setNull(i, Types.BIGINT); else ps.setLong(i, t.toEpochMilli());
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
