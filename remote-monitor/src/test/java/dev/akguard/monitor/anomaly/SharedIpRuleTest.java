package dev.akguard.monitor.anomaly;

import static dev.akguard.monitor.anomaly.Calls.T0;
import static dev.akguard.monitor.anomaly.Calls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.Anomaly;
import dev.akguard.monitor.model.CallRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedIpRuleTest {
    private static final String IP = "198.51.100.20";

    /** Three users or two accounts within 10 minutes. */
    private final AnomalyDetector detector =
            new AnomalyDetector(List.of(new SharedIpRule(3, 2, Duration.ofMinutes(10))));

    private final String a = Calls.keyId();
    private final String b = Calls.keyId();
    private final String c = Calls.keyId();

    private List<RaisedAnomaly> run(CallRecord... calls) {
        return detector.detect(List.of(calls), DetectionContext.of(null));
    }

    @Test
    void threeUsersOfOneAccountWithinTheWindowFire() {
        List<RaisedAnomaly> found =
                run(
                        call(a, T0).ip(IP).user("alice").build(),
                        call(b, T0.plusSeconds(100)).ip(IP).user("bob").build(),
                        call(c, T0.plusSeconds(200)).ip(IP).user("carol").build());
        assertEquals(1, found.size());
        Anomaly an = found.get(0).anomaly();
        assertEquals("shared-ip", an.type());
        assertEquals(c, an.accessKeyId(), "reported at the call that crossed the threshold");
        assertEquals(T0.plusSeconds(200), an.at());
        assertTrue(
                an.detail().contains("3 keys of 3 users in 1 accounts within 10 min"), an.detail());
        assertTrue(
                an.evidence().get(0).contains(a)
                        && an.evidence().get(0).contains(b)
                        && an.evidence().get(0).contains(c));
    }

    @Test
    void twoUsersAreBelowTheThreshold() {
        assertTrue(
                run(
                                call(a, T0).ip(IP).user("alice").build(),
                                call(b, T0.plusSeconds(100)).ip(IP).user("bob").build(),
                                call(a, T0.plusSeconds(200)).ip(IP).user("alice").build())
                        .isEmpty());
    }

    @Test
    void oneUserWithSeveralKeysIsOneUser() {
        assertTrue(
                run(
                                call(a, T0).ip(IP).user("alice").build(),
                                call(b, T0.plusSeconds(1)).ip(IP).user("alice").build(),
                                call(c, T0.plusSeconds(2)).ip(IP).user("alice").build())
                        .isEmpty());
    }

    @Test
    void callsExactlyAWindowApartCountTogether() {
        assertEquals(
                1,
                run(
                                call(a, T0).ip(IP).user("alice").build(),
                                call(b, T0.plusSeconds(300)).ip(IP).user("bob").build(),
                                call(c, T0.plusSeconds(600)).ip(IP).user("carol").build())
                        .size());
    }

    @Test
    void callsOneSecondMoreThanAWindowApartDoNot() {
        assertTrue(
                run(
                                call(a, T0).ip(IP).user("alice").build(),
                                call(b, T0.plusSeconds(300)).ip(IP).user("bob").build(),
                                call(c, T0.plusSeconds(601)).ip(IP).user("carol").build())
                        .isEmpty());
    }

    @Test
    void twoAccountsFireEvenWithTwoUsers() {
        List<RaisedAnomaly> found =
                run(
                        call(a, T0).ip(IP).user("alice").account("1000000000000001").build(),
                        call(b, T0.plusSeconds(30))
                                .ip(IP)
                                .user("ops")
                                .account("1000000000000002")
                                .build());
        assertEquals(1, found.size());
        assertTrue(
                found.get(0).anomaly().detail().contains("in 2 accounts"),
                found.get(0).anomaly().detail());
    }

    @Test
    void differentIpsAreNotPooled() {
        assertTrue(
                run(
                                call(a, T0).ip("198.51.100.1").user("alice").build(),
                                call(b, T0.plusSeconds(1)).ip("198.51.100.2").user("bob").build(),
                                call(c, T0.plusSeconds(2)).ip("198.51.100.3").user("carol").build())
                        .isEmpty());
    }

    @Test
    void serviceInternalSourcesAreNotHosts() {
        assertTrue(
                run(
                                call(a, T0)
                                        .ip("internal")
                                        .user("alice")
                                        .account("1000000000000001")
                                        .build(),
                                call(b, T0.plusSeconds(1))
                                        .ip("internal")
                                        .user("bob")
                                        .account("1000000000000002")
                                        .build())
                        .isEmpty());
    }

    @Test
    void raisedOncePerIpPerDayWithAStableKey() {
        CallRecord[] calls = {
            call(a, T0).ip(IP).user("alice").account("1000000000000001").build(),
            call(b, T0.plusSeconds(10)).ip(IP).user("bob").account("1000000000000002").build(),
            call(c, T0.plusSeconds(20)).ip(IP).user("carol").account("1000000000000003").build(),
            call(a, T0.plusSeconds(86400)).ip(IP).user("alice").account("1000000000000001").build(),
            call(b, T0.plusSeconds(86410)).ip(IP).user("bob").account("1000000000000002").build()
        };
        List<RaisedAnomaly> first = run(calls);
        assertEquals(2, first.size(), "one per day");
        assertEquals(first, run(calls), "same records, same anomalies and keys");
    }
}
