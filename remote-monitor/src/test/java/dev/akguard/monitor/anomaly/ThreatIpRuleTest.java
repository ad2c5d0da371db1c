package dev.akguard.monitor.anomaly;

import static dev.akguard.monitor.anomaly.Calls.T0;
import static dev.akguard.monitor.anomaly.Calls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.Anomaly;
import dev.akguard.monitor.model.CallRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreatIpRuleTest {
    private final AnomalyDetector detector =
            new AnomalyDetector(
                    List.of(
                            new ThreatIpRule(
                                    ThreatList.parse(
                                            List.of("203.0.113.0/24", "2001:db8:bad::/48"), "t"))));
    private final String key = Calls.keyId();

    @Test
    void callsFromListedIpsAreGroupedPerIpAndDay() {
        List<CallRecord> calls =
                List.of(
                        call(key, T0.plusSeconds(60)).ip("203.0.113.4").build(),
                        call(key, T0.plusSeconds(120)).ip("203.0.113.4").api("ListUsers").build(),
                        call(key, T0.plusSeconds(180)).ip("2001:db8:bad::1").build(),
                        call(key, T0.plusSeconds(240)).ip("198.51.100.7").build());
        List<RaisedAnomaly> found = detector.detect(calls, DetectionContext.of(null));
        assertEquals(2, found.size());
        Anomaly v4 = found.get(0).anomaly();
        assertEquals("threat-ip", v4.type());
        assertEquals(key, v4.accessKeyId());
        assertEquals(T0.plusSeconds(60), v4.at());
        assertTrue(
                v4.detail().contains("2 calls") && v4.detail().contains("203.0.113.4"),
                v4.detail());
        assertEquals(2, v4.evidence().size());
        assertTrue(v4.evidence().get(1).contains("ListUsers"), v4.evidence().toString());
        assertTrue(found.get(1).anomaly().detail().contains("2001:db8:bad::1"));
    }

    @Test
    void cleanIpsAndServiceNamesRaiseNothing() {
        List<CallRecord> calls =
                List.of(
                        call(key, T0).ip("203.0.114.0").build(),
                        call(key, T0).ip("203.0.112.255").build(),
                        call(key, T0).ip("2001:db8:bae::1").build(),
                        call(key, T0).ip("internal").build(),
                        call(key, T0).ip(null).build());
        assertTrue(detector.detect(calls, DetectionContext.of(null)).isEmpty());
    }

    @Test
    void aNewDayIsANewAnomaly() {
        List<CallRecord> calls =
                List.of(
                        call(key, T0.plusSeconds(3600 * 23)).ip("203.0.113.4").build(),
                        call(key, T0.plusSeconds(3600 * 25)).ip("203.0.113.4").build());
        List<RaisedAnomaly> found = detector.detect(calls, DetectionContext.of(null));
        assertEquals(2, found.size());
        assertTrue(!found.get(0).dedupeKey().equals(found.get(1).dedupeKey()));
    }
}
