package dev.akguard.monitor.anomaly;

import static dev.akguard.monitor.anomaly.Calls.T0;
import static dev.akguard.monitor.anomaly.Calls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.CallRecord;
import dev.akguard.monitor.settings.FileSettingsStore;
import dev.akguard.monitor.settings.MemorySettingsStore;
import dev.akguard.monitor.settings.SettingsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnomalyDetectorTest {
    private final String leaked = Calls.keyId();
    private final String root = Calls.keyId();

    private List<CallRecord> incident() {
        Instant leak = T0.plusSeconds(7200);
        List<CallRecord> calls = new ArrayList<>();
        calls.add(call(leaked, leak.minusSeconds(60)).build());
        calls.add(call(leaked, leak.plusSeconds(60)).ip("203.0.113.66").api("CreateUser").build());
        calls.add(
                call(leaked, leak.plusSeconds(61))
                        .ip("203.0.113.66")
                        .api("CreateAccessKey")
                        .build());
        calls.add(
                call(root, leak.plusSeconds(62))
                        .ip("203.0.113.66")
                        .user(null)
                        .account("1000000000000002")
                        .identityType("root-account")
                        .build());
        return calls;
    }

    @Test
    void defaultSettingsRunEveryRuleAndFindTheIncident(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("threats.txt"), "203.0.113.0/24\n");
        AnomalySettings s =
                AnomalySettings.fromJson("{\"threatIp\": {\"listFile\": \"threats.txt\"}}");
        AnomalyDetector d = AnomalyDetector.fromSettings(s, dir);
        assertEquals(List.of(AnomalyType.values()), d.enabledRules());
        List<RaisedAnomaly> found =
                d.detect(incident(), DetectionContext.of(Map.of(leaked, T0.plusSeconds(7200))));
        List<String> types = found.stream().map(r -> r.anomaly().type()).sorted().toList();
        assertEquals(
                List.of(
                        "leaked-key-used",
                        "root-key",
                        "sensitive-api",
                        "sensitive-api",
                        "shared-ip",
                        "threat-ip",
                        "threat-ip"),
                types);
    }

    @Test
    void rerunningOverTheSameOrOverlappingRecordsRaisesNothingNew() {
        AnomalyDetector d = AnomalyDetector.fromSettings(AnomalySettings.defaults(), null);
        InMemoryAnomalyLedger ledger = new InMemoryAnomalyLedger();
        DetectionContext ctx = DetectionContext.of(Map.of(leaked, T0.plusSeconds(7200)));
        List<CallRecord> calls = incident();
        int first = d.detectNew(calls, ctx, ledger).size();
        assertTrue(first >= 4, "found " + first);
        assertTrue(d.detectNew(calls, ctx, ledger).isEmpty());
        List<CallRecord> more = new ArrayList<>(calls);
        more.add(
                call(leaked, T0.plusSeconds(7300))
                        .ip("203.0.113.66")
                        .api("CreateUser")
                        .build()); // same day, same API
        assertTrue(
                d.detectNew(more, ctx, ledger).isEmpty(),
                "a later call of an already-raised group is not news");
        more.add(call(leaked, T0.plusSeconds(7400)).api("DeleteTrail").build());
        List<RaisedAnomaly> fresh = d.detectNew(more, ctx, ledger);
        assertEquals(1, fresh.size());
        assertTrue(fresh.get(0).anomaly().detail().contains("DeleteTrail"));
    }

    @Test
    void disabledRulesDoNotRun() {
        AnomalySettings s =
                AnomalySettings.fromJson(
                        """
                {"threatIp":{"enabled":false},"sharedIp":{"enabled":false},"sensitiveApi":{"enabled":false},
                 "leakedKeyUsed":{"enabled":false},"rateSpike":{"enabled":false}}""");
        AnomalyDetector d = AnomalyDetector.fromSettings(s, null);
        assertEquals(List.of(AnomalyType.ROOT_KEY), d.enabledRules());
        assertEquals(
                List.of("root-key"),
                d.detect(incident(), DetectionContext.of(Map.of(leaked, T0))).stream()
                        .map(r -> r.anomaly().type())
                        .toList());
    }

    @Test
    void recordsWithoutTimeOrKeyAreSkipped() {
        AnomalyDetector d = AnomalyDetector.fromSettings(AnomalySettings.defaults(), null);
        List<CallRecord> calls =
                List.of(
                        new CallRecord(
                                null,
                                "CreateUser",
                                "ram",
                                "1.2.3.4",
                                null,
                                null,
                                null,
                                null,
                                null,
                                leaked,
                                null,
                                null,
                                null),
                        new CallRecord(
                                T0,
                                "CreateUser",
                                "ram",
                                "1.2.3.4",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        new CallRecord(
                                T0,
                                "CreateUser",
                                "ram",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                leaked,
                                null,
                                null,
                                null));
        List<RaisedAnomaly> found = d.detect(calls, DetectionContext.of(null));
        assertEquals(1, found.size());
        assertTrue(
                found.get(0).anomaly().evidence().get(0).contains("CreateUser (ram) from -"),
                found.get(0).anomaly().evidence().toString());
    }

    @Test
    void settingsRoundTripThroughAStoreAndKeepDefaultsForMissingFields(@TempDir Path dir) {
        FileSettingsStore store = new FileSettingsStore(dir.resolve("sub/anomalies.json"));
        AnomalySettings s = AnomalySettings.load(store);
        assertEquals(30, s.rateSpike.minCount);
        s.rateSpike.k = 4.5;
        s.sensitiveApi.apis.add("PutObject");
        s.save(store);
        AnomalySettings back = AnomalySettings.load(store);
        assertEquals(4.5, back.rateSpike.k);
        assertTrue(back.sensitiveApi.apis.contains("PutObject"));
        assertTrue(back.sensitiveApi.apis.contains("CreateAccessKey"));
        AnomalySettings partial =
                AnomalySettings.load(
                        new MemorySettingsStore("{\"rateSpike\":{\"k\":3}, \"rootKey\": null}"));
        assertEquals(3.0, partial.rateSpike.k);
        assertEquals(24, partial.rateSpike.minHistoryHours, "omitted field keeps its default");
        assertTrue(partial.rootKey.enabled, "null section means defaults");
    }

    @Test
    void settingsThatMatchNothingAreFlagged() {
        assertEquals(
                List.of(
                        "threatIp is on but threatIp.listFile is not set: the threat-IP rule matches nothing"),
                AnomalySettings.defaults().warnings());
        AnomalySettings s =
                AnomalySettings.fromJson(
                        "{\"threatIp\": {\"listFile\": \"t.txt\"}, \"sensitiveApi\": {\"apis\": []}}");
        assertEquals(
                List.of(
                        "sensitiveApi is on but sensitiveApi.apis is empty: the sensitive-API rule matches nothing"),
                s.warnings());
        s.sensitiveApi.enabled = false;
        assertTrue(s.warnings().isEmpty());
    }

    @Test
    void badSettingsSayWhatToFix() {
        SettingsException e =
                assertThrows(
                        SettingsException.class,
                        () ->
                                AnomalySettings.fromJson(
                                        "{\"rateSpike\":{\"k\":0,\"minCount\":0},\"sharedIp\":{\"minDistinctUsers\":1}}"));
        assertTrue(
                e.getMessage().contains("rateSpike.k must be a positive number"), e.getMessage());
        assertTrue(
                e.getMessage().contains("rateSpike.minCount must be at least 1"), e.getMessage());
        assertTrue(
                e.getMessage().contains("sharedIp.minDistinctUsers must be at least 2"),
                e.getMessage());
        SettingsException json =
                assertThrows(
                        SettingsException.class,
                        () -> AnomalySettings.fromJson("{\"rateSpike\": [1,2]"));
        assertTrue(
                json.getMessage().startsWith("anomaly settings is not valid JSON"),
                json.getMessage());
        assertFalse(json.getMessage().contains("\tat "), "no stack trace in the message");
    }

    @Test
    void aMissingOrBrokenThreatListIsAClearSettingsError(@TempDir Path dir) throws IOException {
        AnomalySettings s =
                AnomalySettings.fromJson("{\"threatIp\": {\"listFile\": \"missing.txt\"}}");
        SettingsException e =
                assertThrows(SettingsException.class, () -> AnomalyDetector.fromSettings(s, dir));
        assertTrue(
                e.getMessage().contains("missing.txt")
                        && e.getMessage().contains("threatIp.listFile"),
                e.getMessage());
        Files.writeString(dir.resolve("bad.txt"), "1.2.3.4\nnot-an-ip\n");
        s.threatIp.listFile = "bad.txt";
        SettingsException bad =
                assertThrows(SettingsException.class, () -> AnomalyDetector.fromSettings(s, dir));
        assertTrue(bad.getMessage().contains("line 2: not an IP address"), bad.getMessage());
        assertFalse(
                bad.getMessage().contains("not-an-ip"),
                "the line's content is never echoed: " + bad.getMessage());
    }
}
