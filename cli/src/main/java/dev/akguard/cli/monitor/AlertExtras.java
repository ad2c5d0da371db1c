package dev.akguard.cli.monitor;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.akguard.monitor.act.InventoryStore;
import dev.akguard.monitor.act.KeyOwner;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.verify.VerificationStore;

import java.util.List;
import java.util.Map;

/**
 * What `alerts` and `show` add to the DESIGN.md alert shape: the last verification (ARN, when, detail) and the
 * owner from the RAM inventory ({@code owner: {ours, userName, userId, status, lastUsed, syncedAt}}; {@code ours}
 * is null when the inventory was never synced, so "not ours" is only claimed when it is known).
 */
final class AlertExtras {
    private final VerificationStore verifications;
    private final Map<String, KeyOwner> inventory;

    AlertExtras(Database db) {
        this.verifications = new VerificationStore(db);
        this.inventory = new InventoryStore(db).all();
    }

    String render(List<Alert> alerts) {
        JsonArray arr = new JsonArray();
        for (Alert a : alerts) arr.add(json(a));
        return Json.GSON.toJson(arr);
    }

    JsonObject json(Alert a) {
        JsonObject o = AlertJson.alert(a);
        verifications.details(a.id()).ifPresent(d -> {
            o.addProperty("arn", d.arn());
            o.addProperty("verifiedAt", d.verifiedAt() == null ? null : d.verifiedAt().toString());
            o.addProperty("verifyDetail", d.detail());
        });
        JsonObject owner = new JsonObject();
        KeyOwner k = inventory.get(a.accessKeyId());
        owner.addProperty("ours", inventory.isEmpty() ? null : k != null);
        owner.addProperty("userName", k == null ? null : k.userName());
        owner.addProperty("userId", k == null ? null : k.userId());
        owner.addProperty("status", k == null ? null : k.status());
        owner.addProperty("lastUsed", k == null || k.lastUsed() == null ? null : k.lastUsed().toString());
        owner.addProperty("syncedAt", k == null || k.syncedAt() == null ? null : k.syncedAt().toString());
        o.add("owner", owner);
        return o;
    }

    /** For tables: "ours: alice", "not ours", or "?" before the first inventory sync. */
    String ownerLabel(Alert a) {
        if (inventory.isEmpty()) return "?";
        KeyOwner k = inventory.get(a.accessKeyId());
        return k == null ? "not ours" : "ours: " + k.userName();
    }

    /** For `show`: owner, status and last use. */
    String ownerLine(Alert a) {
        if (inventory.isEmpty()) return "unknown (run `akguard monitor inventory sync`)";
        KeyOwner k = inventory.get(a.accessKeyId());
        if (k == null) return "not a key of our account (as of the last inventory sync)";
        return "ours: RAM user " + k.userName() + ", " + k.status() + ", last used " + (k.lastUsed() == null ? "never" : k.lastUsed().toString());
    }

    String verificationLine(Alert a) {
        return verifications.details(a.id()).map(d -> (d.arn() == null ? "" : "ARN " + d.arn() + "; ")
                + (d.verifiedAt() == null ? "never verified" : "verified " + d.verifiedAt() + (d.detail() == null ? "" : ": " + d.detail())))
                .orElse("never verified");
    }
}
