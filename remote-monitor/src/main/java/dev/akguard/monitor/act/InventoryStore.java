package dev.akguard.monitor.act;

import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account's RAM keys ({@code ram_keys}), so alerts can say whether a leaked key is ours and
 * whose.
 */
public final class InventoryStore {
    private final Database db;

    public InventoryStore(Database db) {
        this.db = db;
    }

    /** Replaces the whole inventory in one transaction: keys gone from RAM disappear. */
    public void replaceAll(List<KeyOwner> keys) {
        db.transactionUninterruptibly(
                c -> {
                    Sql.update(c, "DELETE FROM ram_keys");
                    for (KeyOwner k : keys) put(c, k);
                    return null;
                });
    }

    /** Updates one key after akguard acted on it (disabled: new status; deleted: gone). */
    public void update(KeyOwner key) {
        db.transactionUninterruptibly(
                c -> {
                    put(c, key);
                    return null;
                });
    }

    public void remove(String accessKeyId) {
        db.transactionUninterruptibly(
                c -> Sql.update(c, "DELETE FROM ram_keys WHERE access_key_id = ?", accessKeyId));
    }

    public Optional<KeyOwner> find(String accessKeyId) {
        return Optional.ofNullable(all().get(accessKeyId));
    }

    /** Every known key by AccessKey ID. */
    public Map<String, KeyOwner> all() {
        List<KeyOwner> keys =
                db.transactionUninterruptibly(
                        c ->
                                Sql.query(
                                        c,
                                        "SELECT access_key_id, user_name, user_id, status, "
                                                + "created_at, last_used_at, synced_at FROM ram_keys ORDER BY user_name, access_key_id",
                                        rs ->
                                                new KeyOwner(
                                                        rs.getString(1),
                                                        rs.getString(2),
                                                        rs.getString(3),
                                                        rs.getString(4),
                                                        Sql.instant(rs, 5),
                                                        Sql.instant(rs, 6),
                                                        Sql.instant(rs, 7))));
        Map<String, KeyOwner> out = new LinkedHashMap<>();
        for (KeyOwner k : keys) out.put(k.accessKeyId(), k);
        return out;
    }

    private static void put(Connection c, KeyOwner k) throws SQLException {
        Sql.update(
                c,
                "INSERT INTO ram_keys (access_key_id, user_name, user_id, status, created_at, last_used_at, synced_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (access_key_id) DO UPDATE SET "
                        + "user_name = excluded.user_name, user_id = excluded.user_id, status = excluded.status, created_at = excluded.created_at, "
                        + "last_used_at = excluded.last_used_at, synced_at = excluded.synced_at",
                k.accessKeyId(),
                k.userName(),
                k.userId(),
                k.status(),
                k.createdAt(),
                k.lastUsed(),
                k.syncedAt());
    }
}
