package dev.akguard.monitor.anomaly;

import static dev.akguard.monitor.anomaly.Calls.T0;
import static dev.akguard.monitor.anomaly.Calls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RootKeyRuleTest {
    private final AnomalyDetector detector =
            new AnomalyDetector(
                    List.of(new RootKeyRule(new AnomalySettings().rootKey.identityTypes)));

    @Test
    void rootIdentityTypesInAnySpellingFire() {
        for (String type :
                List.of("root-account", "ROOT-ACCOUNT", "Account", " account ", "root")) {
            String key = Calls.keyId();
            List<RaisedAnomaly> found =
                    detector.detect(
                            List.of(call(key, T0).identityType(type).build()),
                            DetectionContext.of(null));
            assertEquals(1, found.size(), type);
            assertEquals("root-key", found.get(0).anomaly().type());
            assertTrue(
                    found.get(0).anomaly().detail().contains("of account 1000000000000001"),
                    found.get(0).anomaly().detail());
        }
    }

    @Test
    void ramUsersRolesAndUnknownTypesDoNot() {
        String key = Calls.keyId();
        assertTrue(
                detector.detect(
                                List.of(
                                        call(key, T0).identityType("ram-user").build(),
                                        call(key, T0).identityType("assumed-role").build(),
                                        call(key, T0).identityType("RAMUser").build(),
                                        call(key, T0).identityType("account-admin").build(),
                                        call(key, T0).identityType(null).build()),
                                DetectionContext.of(null))
                        .isEmpty());
    }
}
