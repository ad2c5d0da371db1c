package dev.akguard.monitor.anomaly;

import static dev.akguard.monitor.anomaly.Calls.T0;
import static dev.akguard.monitor.anomaly.Calls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.Anomaly;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensitiveApiRuleTest {
    private final String key = Calls.keyId();

    @Test
    void defaultListFlagsPrivilegeAndTrailTampering() {
        AnomalyDetector d =
                new AnomalyDetector(
                        List.of(new SensitiveApiRule(AnomalySettings.DEFAULT_SENSITIVE_APIS)));
        List<RaisedAnomaly> found =
                d.detect(
                        List.of(
                                call(key, T0).api("CreateAccessKey").build(),
                                call(key, T0.plusSeconds(5))
                                        .api("AttachPolicyToUser")
                                        .error("NoPermission")
                                        .build(),
                                call(key, T0.plusSeconds(6)).api("AttachPolicyToUser").build(),
                                call(key, T0.plusSeconds(7)).api("StopLogging").build(),
                                call(key, T0.plusSeconds(8)).api("DescribeRegions").build(),
                                call(key, T0.plusSeconds(9)).api("GetCallerIdentity").build()),
                        DetectionContext.of(null));
        assertEquals(
                List.of("CreateAccessKey", "AttachPolicyToUser", "StopLogging"),
                found.stream().map(r -> r.anomaly().detail().split(" ")[2]).toList());
        Anomaly attach = found.get(1).anomaly();
        assertEquals("sensitive-api", attach.type());
        assertTrue(
                attach.detail().contains("called 2 times")
                        && attach.detail().contains("(1 failed)"),
                attach.detail());
        assertTrue(
                attach.evidence().get(0).contains("error NoPermission"),
                attach.evidence().toString());
    }

    @Test
    void namesMatchCaseInsensitivelyAndTheListIsEditable() {
        AnomalyDetector d =
                new AnomalyDetector(
                        List.of(new SensitiveApiRule(List.of(" putobject ", "DeleteBucket"))));
        List<RaisedAnomaly> found =
                d.detect(
                        List.of(
                                call(key, T0).api("PutObject").build(),
                                call(key, T0).api("CreateUser").build(),
                                call(key, T0).api("deletebucket").build()),
                        DetectionContext.of(null));
        assertEquals(2, found.size());
    }

    @Test
    void emptyListOrNoEventNameRaisesNothing() {
        assertTrue(
                new AnomalyDetector(List.of(new SensitiveApiRule(List.of())))
                        .detect(
                                List.of(call(key, T0).api("CreateUser").build()),
                                DetectionContext.of(null))
                        .isEmpty());
        assertTrue(
                new AnomalyDetector(List.of(new SensitiveApiRule(List.of("CreateUser"))))
                        .detect(List.of(call(key, T0).api(null).build()), DetectionContext.of(null))
                        .isEmpty());
    }
}
