package dev.akguard.console.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.akguard.monitor.calls.StoredAnomaly;
import dev.akguard.monitor.model.CallRecord;
import dev.akguard.monitor.notify.outbox.InboxMessage;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.HistoryEntry;
import dev.akguard.monitor.store.Occurrence;
import java.time.Instant;
import java.util.List;

/**
 * The DESIGN.md JSON shapes, in one place for the CLI's {@code --format json} and the REST API
 * (which must be identical). Alerts: {@code id, accessKeyId, secretRedacted, status,
 * handlingMethod, validity, accountId, firstSeen, lastSeen, occurrences[], history[]} (plus {@code
 * secretSha256} and {@code handlingLabel}; {@link AlertExtras} adds verification, owner and anomaly
 * ids); calls; anomalies; inbox. Absent values are JSON null; times are ISO-8601 UTC.
 */
public final class MonitorJson {

    /**
     * The JSON writer of the monitor: pretty, nulls kept (absent values are JSON null), no HTML
     * escaping.
     */
    public static final Gson GSON =
            new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create();

    private MonitorJson() {}

    public static JsonObject alert(Alert a) {
        JsonObject o = new JsonObject();
        o.addProperty("id", a.id());
        o.addProperty("accessKeyId", a.accessKeyId());
        o.addProperty("secretRedacted", a.secretRedacted());
        o.addProperty("secretSha256", a.secretSha256());
        o.addProperty("status", a.status().json());
        o.addProperty(
                "handlingMethod", a.handlingMethod() == null ? null : a.handlingMethod().json());
        o.addProperty(
                "handlingLabel", a.handlingMethod() == null ? null : a.handlingMethod().label());
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
        o.add("history", history(a.history()));
        return o;
    }

    /** The DESIGN.md `calls` shape: one object per call. */
    public static JsonArray calls(List<CallRecord> calls) {
        JsonArray arr = new JsonArray();
        for (CallRecord c : calls) {
            JsonObject o = new JsonObject();
            o.addProperty("eventTime", time(c.eventTime()));
            o.addProperty("eventName", c.eventName());
            o.addProperty("serviceName", c.serviceName());
            o.addProperty("sourceIpAddress", c.sourceIpAddress());
            o.addProperty("acsRegion", c.acsRegion());
            o.addProperty("eventRW", c.eventRW());
            o.addProperty("errorCode", c.errorCode());
            o.addProperty("userAgent", c.userAgent());
            o.addProperty("userName", c.userName());
            o.addProperty("accessKeyId", c.accessKeyId());
            o.addProperty("eventId", c.eventId());
            arr.add(o);
        }
        return arr;
    }

    /**
     * The DESIGN.md `anomalies` shape (type, accessKeyId, at, detail, evidence) plus id, alert and
     * handling.
     */
    public static JsonArray anomalies(List<StoredAnomaly> anomalies) {
        JsonArray arr = new JsonArray();
        for (StoredAnomaly s : anomalies) arr.add(anomaly(s));
        return arr;
    }

    public static JsonObject anomaly(StoredAnomaly s) {
        JsonObject o = new JsonObject();
        o.addProperty("id", s.id());
        o.addProperty("type", s.anomaly().type());
        o.addProperty("accessKeyId", s.anomaly().accessKeyId());
        o.addProperty("at", s.anomaly().at().toString());
        o.addProperty("detail", s.anomaly().detail());
        JsonArray ev = new JsonArray();
        s.anomaly().evidence().forEach(ev::add);
        o.add("evidence", ev);
        o.addProperty("alertId", s.alertId());
        o.addProperty("status", s.status().json());
        o.addProperty(
                "handlingMethod", s.handlingMethod() == null ? null : s.handlingMethod().json());
        o.addProperty("foundAt", s.foundAt().toString());
        o.add("history", history(s.history()));
        return o;
    }

    /** The DESIGN.md `inbox` shape. */
    public static JsonArray inbox(List<InboxMessage> messages) {
        JsonArray arr = new JsonArray();
        for (InboxMessage m : messages) {
            JsonObject o = new JsonObject();
            o.addProperty("at", m.at().toString());
            o.addProperty("alertId", m.alertId());
            o.addProperty("title", m.title());
            o.addProperty("body", m.body());
            arr.add(o);
        }
        return arr;
    }

    private static JsonArray history(List<HistoryEntry> entries) {
        JsonArray hist = new JsonArray();
        for (HistoryEntry h : entries) {
            JsonObject j = new JsonObject();
            j.addProperty("at", time(h.at()));
            j.addProperty("by", h.by());
            j.addProperty("action", h.action());
            j.addProperty("note", h.note());
            hist.add(j);
        }
        return hist;
    }

    public static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
