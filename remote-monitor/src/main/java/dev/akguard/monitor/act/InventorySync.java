package dev.akguard.monitor.act;

import dev.akguard.monitor.alibaba.AccessKeyEntry;
import dev.akguard.monitor.alibaba.RamAdmin;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * `monitor inventory sync`: RAM ListUsers, ListAccessKeys and GetAccessKeyLastUsed into the
 * inventory.
 */
public final class InventorySync {
    private final RamAdmin ram;
    private final InventoryStore store;
    private final Clock clock;

    public InventorySync(RamAdmin ram, InventoryStore store, Clock clock) {
        this.ram = ram;
        this.store = store;
        this.clock = clock;
    }

    /** Lists every key of every RAM user with its last use, and replaces the stored inventory. */
    public List<KeyOwner> sync() {
        Instant now = clock.instant();
        List<KeyOwner> keys = new ArrayList<>();
        for (AccessKeyEntry e : ram.inventory()) {
            keys.add(
                    new KeyOwner(
                            e.accessKeyId(),
                            e.userName(),
                            e.userId(),
                            e.status(),
                            e.createDate(),
                            ram.lastUsed(e).orElse(null),
                            now));
        }
        store.replaceAll(keys);
        return keys;
    }
}
