package dev.akguard.monitor.anomaly;

import static dev.akguard.monitor.anomaly.Calls.T0;
import static dev.akguard.monitor.anomaly.Calls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.Anomaly;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeakedKeyUsedRuleTest {
    private final AnomalyDetector detector =
            new AnomalyDetector(List.of(new LeakedKeyUsedRule("akguard", "GetCallerIdentity")));
    private final String leaked = Calls.keyId();
    private final String other = Calls.keyId();
    private final Instant leakAt = T0.plusSeconds(3600);
    private final DetectionContext ctx = DetectionContext.of(Map.of(leaked, leakAt));

    @Test
    void callsAtOrAfterTheLeakFire() {
        List<RaisedAnomaly> found =
                detector.detect(
                        List.of(
                                call(leaked, leakAt.minusSeconds(1)).build(),
                                call(leaked, leakAt).build(),
                                call(leaked, leakAt.plusSeconds(60)).api("ListBuckets").build()),
                        ctx);
        assertEquals(1, found.size());
        Anomaly a = found.get(0).anomaly();
        assertEquals("leaked-key-used", a.type());
        assertEquals(leakAt, a.at(), "the call exactly at the leak time counts");
        assertTrue(a.detail().contains("2 calls since the leak was seen at " + leakAt), a.detail());
        assertEquals(2, a.evidence().size());
    }

    @Test
    void callsBeforeTheLeakAndOtherKeysDoNot() {
        assertTrue(
                detector.detect(
                                List.of(
                                        call(leaked, leakAt.minusSeconds(1)).build(),
                                        call(other, leakAt.plusSeconds(60)).build()),
                                ctx)
                        .isEmpty());
        assertTrue(
                detector.detect(
                                List.of(call(leaked, leakAt.plusSeconds(5)).build()),
                                DetectionContext.of(Map.of()))
                        .isEmpty());
    }

    @Test
    void akguardsOwnValidityCheckIsNotAnAttack() {
        assertTrue(
                detector.detect(
                                List.of(
                                        call(leaked, leakAt.plusSeconds(5))
                                                .api("GetCallerIdentity")
                                                .userAgent("akguard/0.1 aliyun-java-sdk-core/4.7.6")
                                                .build()),
                                ctx)
                        .isEmpty());
    }

    @Test
    void someoneElsesIdentityCheckIsAnAttack() {
        assertEquals(
                1,
                detector.detect(
                                List.of(
                                        call(leaked, leakAt.plusSeconds(5))
                                                .api("GetCallerIdentity")
                                                .userAgent("python-requests/2.31")
                                                .build()),
                                ctx)
                        .size());
        assertEquals(
                1,
                detector.detect(
                                List.of(
                                        call(leaked, leakAt.plusSeconds(5))
                                                .api("ListUsers")
                                                .userAgent("akguard/0.1")
                                                .build()),
                                ctx)
                        .size(),
                "the user agent alone does not hide a call");
    }

    @Test
    void evidenceIsCappedAndSaysHowManyWereLeftOut() {
        var calls = new java.util.ArrayList<dev.akguard.monitor.model.CallRecord>();
        for (int i = 0; i < 25; i++) calls.add(call(leaked, leakAt.plusSeconds(i)).build());
        Anomaly a = detector.detect(calls, ctx).get(0).anomaly();
        assertEquals(CallEvidence.MAX_LINES + 1, a.evidence().size());
        assertEquals("… and 15 more calls", a.evidence().get(CallEvidence.MAX_LINES));
    }
}
