package dev.akguard.monitor.alibaba;

import dev.akguard.monitor.model.CallRecord;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Turns one LookupEvents event (a JSON object as the v1 SDK hands it over) into a {@link
 * CallRecord}. Tolerant: any field may be missing, `userIdentity.type` may be any string, numbers
 * may come back as doubles.
 */
final class CallRecordMapper {
    private CallRecordMapper() {}

    static CallRecord map(Map<?, ?> event) {
        Map<?, ?> identity = event.get("userIdentity") instanceof Map<?, ?> m ? m : Map.of();
        return new CallRecord(
                Times.parse(text(event, "eventTime")),
                text(event, "eventName"),
                text(event, "serviceName"),
                text(event, "sourceIpAddress"),
                text(event, "acsRegion"),
                text(event, "eventRW"),
                text(event, "errorCode"),
                text(event, "userAgent"),
                text(identity, "userName"),
                text(identity, "accessKeyId"),
                text(identity, "accountId"),
                text(identity, "type"),
                text(event, "eventId"));
    }

    /**
     * A field as text; numbers without their JSON-double artefacts (an account id never becomes
     * 1.2E15).
     */
    static String text(Map<?, ?> map, String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            }
        }
        String s = String.valueOf(v);
        return s.isEmpty() ? null : s;
    }
}
