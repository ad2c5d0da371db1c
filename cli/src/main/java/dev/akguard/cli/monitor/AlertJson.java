package dev.akguard.cli.monitor;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.HistoryEntry;
import dev.akguard.monitor.store.Occurrence;

import java.time.Instant;
import java.util.List;

/**
 * The DESIGN.md JSON shape of {@code alerts} and {@code show}: an array of objects with {@code id, accessKeyId,
 * secretRedacted, status, handlingMethod, validity, accountId, firstSeen, lastSeen, occurrences[], history[]}
 * (plus {@code secretSha256} and {@code handlingLabel}). Absent values are JSON null; times are ISO-8601 UTC.
 */
final class AlertJson {

    private static final Gson GSON = new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create();

    private AlertJson() { }

    static String render(List<Alert> alerts) {
        JsonArray arr = new JsonArray();
        for (Alert a : alerts) arr.add(alert(a));
        return GSON.toJson(arr);
    }

    static JsonObject alert(Alert a) {
        JsonObject o = new JsonObject();
        o.addProperty("id", a.id());
        o.addProperty("accessKeyId", a.accessKeyId());
        o.addProperty("secretRedacted", a.secretRedacted());
        o.addProperty("secretSha256", a.secretSha256());
        o.addProperty("status", a.status().json());
        o.addProperty("handlingMethod", a.handlingMethod() == null ? null : a.handlingMethod().json());
        o.addProperty("handlingLabel", a.handlingMethod() == null ? null : a.handlingMethod().label());
        o.addProperty("validity", a.validity().name());
        o.addProperty("accountId", a.accountId());
        o.addProperty("firstSeen", time(a.firstSeen()));
        o.addProperty("lastSeen", time(a.lastSeen()));
        JsonArray occ = new JsonArray();
        for (Occurrence x : a.occurrences()) {
            JsonObject j = new JsonObject();
            j.addProperty("repo", x.repo());
            j.addProperty("path", x.path());
            j.addProperty("line", x.line());
            j.addProperty("commit", x.commit());
            j.addProperty("author", x.author());
            j.addProperty("url", x.url());
            j.addProperty("seenAt", time(x.seenAt()));
            occ.add(j);
        }
        o.add("occurrences", occ);
        JsonArray hist = new JsonArray();
        for (HistoryEntry h : a.history()) {
            JsonObject j = new JsonObject();
            j.addProperty("at", time(h.at()));
            j.addProperty("by", h.by());
            j.addProperty("action", h.action());
            j.addProperty("note", h.note());
            hist.add(j);
        }
        o.add("history", hist);
        return o;
    }

    static String time(Instant t) { return t == null ? null : t.toString(); }
}
