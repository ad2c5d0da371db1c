package dev.akguard.console.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.akguard.monitor.act.InventoryStore;
import dev.akguard.monitor.act.KeyOwner;
import dev.akguard.monitor.calls.AnomalyStore;
import dev.akguard.monitor.calls.StoredAnomaly;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.ScanGapStore;
import dev.akguard.monitor.verify.VerificationStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What `alerts` and `show` (and the REST API) add to the DESIGN.md alert shape: the last
 * verification (ARN, when, detail) and the owner from the RAM inventory ({@code owner: {ours,
 * userName, userId, status, lastUsed, syncedAt}}; {@code ours} is null when the inventory was never
 * synced, so "not ours" is only claimed when it is known), and the ids of the anomalies raised on
 * the key ({@code anomalyIds}).
 */
public final class AlertExtras {
    private final VerificationStore verifications;
    private final Map<String, KeyOwner> inventory;
    private final Map<Long, List<Long>> anomaliesByAlert = new java.util.HashMap<>();

    private final List<ScanGapStore.Gap> gaps;

    public AlertExtras(Database db) {
        this.gaps = new ScanGapStore(db).list(null, 1000);
        this.verifications = new VerificationStore(db);
        this.inventory = new InventoryStore(db).all();
        for (StoredAnomaly s : new AnomalyStore(db, Clock.systemUTC()).list(null)) {
            if (s.alertId() != null)
                anomaliesByAlert
                        .computeIfAbsent(s.alertId(), k -> new java.util.ArrayList<>())
                        .add(s.id());
        }
    }

    public String render(List<Alert> alerts) {
        JsonArray arr = new JsonArray();
        for (Alert a : alerts) arr.add(json(a));
        return MonitorJson.GSON.toJson(arr);
    }

    public JsonObject json(Alert a) {
        JsonObject o = MonitorJson.alert(a);
        verifications
                .details(a.id())
                .ifPresent(
                        d -> {
                            o.addProperty("arn", d.arn());
                            o.addProperty(
                                    "verifiedAt",
                                    d.verifiedAt() == null ? null : d.verifiedAt().toString());
                            o.addProperty("verifyDetail", d.detail());
                        });
        JsonObject owner = new JsonObject();
        KeyOwner k = inventory.get(a.accessKeyId());
        owner.addProperty("ours", inventory.isEmpty() ? null : k != null);
        owner.addProperty("userName", k == null ? null : k.userName());
        owner.addProperty("userId", k == null ? null : k.userId());
        owner.addProperty("status", k == null ? null : k.status());
        owner.addProperty(
                "lastUsed", k == null || k.lastUsed() == null ? null : k.lastUsed().toString());
        owner.addProperty(
                "syncedAt", k == null || k.syncedAt() == null ? null : k.syncedAt().toString());
        o.add("owner", owner);
        JsonArray anomalies = new JsonArray();
        anomalyIds(a).forEach(anomalies::add);
        o.add("anomalyIds", anomalies);
        JsonArray notScanned = new JsonArray();
        for (ScanGapStore.Gap g : gapsFor(a)) notScanned.add(gapJson(g));
        o.add("notScanned", notScanned);
        return o;
    }

    /**
     * What was not (fully) scanned in the repositories this alert was seen in: the same pushes may
     * hold more.
     */
    public List<ScanGapStore.Gap> gapsFor(Alert a) {
        java.util.Set<String> repos = new java.util.HashSet<>();
        for (var o : a.occurrences()) repos.add(o.repo());
        return gaps.stream().filter(g -> repos.contains(g.repo())).toList();
    }

    /** Every recorded gap (at most 1000, newest first). */
    public List<ScanGapStore.Gap> gaps() {
        return gaps;
    }

    public static JsonObject gapJson(ScanGapStore.Gap g) {
        JsonObject o = new JsonObject();
        o.addProperty("repo", g.repo());
        o.addProperty("commit", g.commit().isEmpty() ? null : g.commit());
        o.addProperty("path", g.path().isEmpty() ? null : g.path());
        o.addProperty("reason", g.reason());
        o.addProperty("eventId", g.eventId());
        o.addProperty("recordedAt", g.recordedAt().toString());
        return o;
    }

    /** One line for tables: how much was not scanned, and where to look. */
    public static String gapsFooter(int n) {
        return n == 0
                ? null
                : n
                        + " published file(s) or repositories were not (fully) scanned (too large or too slow): "
                        + "see `akguard monitor not-scanned`.";
    }

    /** Ids of the anomalies raised on this alert's key, oldest first. */
    public List<Long> anomalyIds(Alert a) {
        List<Long> ids =
                new java.util.ArrayList<>(anomaliesByAlert.getOrDefault(a.id(), List.of()));
        java.util.Collections.sort(ids);
        return ids;
    }

    /** For tables: "ours: alice", "not ours", or "?" before the first inventory sync. */
    public String ownerLabel(Alert a) {
        if (inventory.isEmpty()) return "?";
        KeyOwner k = inventory.get(a.accessKeyId());
        return k == null ? "not ours" : "ours: " + k.userName();
    }

    /** For `show`: owner, status and last use. */
    public String ownerLine(Alert a) {
        if (inventory.isEmpty()) return "unknown (run `akguard monitor inventory sync`)";
        KeyOwner k = inventory.get(a.accessKeyId());
        if (k == null) return "not a key of our account (as of the last inventory sync)";
        return "ours: RAM user "
                + k.userName()
                + ", "
                + k.status()
                + ", last used "
                + (k.lastUsed() == null ? "never" : k.lastUsed().toString());
    }

    public String verificationLine(Alert a) {
        return verifications
                .details(a.id())
                .map(
                        d ->
                                (d.arn() == null ? "" : "ARN " + d.arn() + "; ")
                                        + (d.verifiedAt() == null
                                                ? "never verified"
                                                : "verified "
                                                        + d.verifiedAt()
                                                        + (d.detail() == null
                                                                ? ""
                                                                : ": " + d.detail())))
                .orElse("never verified");
    }
}
