package dev.akguard.testkit.alibaba;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An ActionTrail event in the wire shape of LookupEvents (API-FACTS.md). Built from a key for the
 * usual fields; {@link #with} and {@link #without} let tests shape odd events (unknown identity
 * types, missing fields).
 */
public final class TrailEvent {
    private final Map<String, Object> fields;

    private TrailEvent(Map<String, Object> fields) {
        this.fields = fields;
    }

    /**
     * A successful read call made with this key at this time, with realistic values for the other
     * fields.
     */
    public static TrailEvent of(EmulatedKey key, String eventName, Instant at) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put(
                "type",
                key.isRoot() ? "root-account" : key.isSession() ? "assumed-role" : "ram-user");
        identity.put("accountId", key.account().id());
        identity.put("principalId", key.user() != null ? key.user().userId() : key.account().id());
        if (key.user() != null) {
            identity.put("userName", key.user().name());
        }
        identity.put("accessKeyId", key.id());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("eventId", UUID.randomUUID().toString().toUpperCase());
        f.put("eventVersion", "1");
        f.put("eventName", eventName);
        f.put("eventTime", at.truncatedTo(ChronoUnit.SECONDS).toString());
        f.put("eventSource", "ecs.aliyuncs.com");
        f.put("serviceName", "Ecs");
        f.put("eventType", "ApiCall");
        f.put(
                "eventRW",
                eventName.startsWith("Describe")
                                || eventName.startsWith("List")
                                || eventName.startsWith("Get")
                        ? "Read"
                        : "Write");
        f.put("acsRegion", "cn-hangzhou");
        f.put("sourceIpAddress", "203.0.113.10");
        f.put("userAgent", "aliyun-sdk-java/4.7.6");
        f.put("requestId", UUID.randomUUID().toString().toUpperCase());
        f.put("requestParameters", new LinkedHashMap<>(Map.of("RegionId", "cn-hangzhou")));
        f.put("userIdentity", identity);
        return new TrailEvent(f);
    }

    /** An event made of exactly these fields (values: strings, numbers, maps, lists). */
    public static TrailEvent raw(Map<String, Object> fields) {
        return new TrailEvent(new LinkedHashMap<>(fields));
    }

    /** Sets a top-level field, or a `userIdentity.x` field. */
    public TrailEvent with(String field, Object value) {
        if (field.startsWith("userIdentity.")) {
            identity().put(field.substring("userIdentity.".length()), value);
        } else {
            fields.put(field, value);
        }
        return this;
    }

    /** Removes a top-level field, or a `userIdentity.x` field. */
    public TrailEvent without(String field) {
        if (field.startsWith("userIdentity.")) {
            identity().remove(field.substring("userIdentity.".length()));
        } else {
            fields.remove(field);
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> identity() {
        return (Map<String, Object>)
                fields.computeIfAbsent("userIdentity", k -> new LinkedHashMap<String, Object>());
    }

    /** A field by path (`eventName`, `userIdentity.accessKeyId`), as a string; null when absent. */
    public String field(String path) {
        Object v;
        if (path.startsWith("userIdentity.")) {
            Object id = fields.get("userIdentity");
            v = id instanceof Map<?, ?> m ? m.get(path.substring("userIdentity.".length())) : null;
        } else {
            v = fields.get(path);
        }
        return v == null ? null : String.valueOf(v);
    }

    Map<String, Object> fields() {
        return fields;
    }
}
