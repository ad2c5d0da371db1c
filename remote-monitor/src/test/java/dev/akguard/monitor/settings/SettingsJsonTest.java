package dev.akguard.monitor.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.anomaly.AnomalySettings;
import dev.akguard.monitor.notify.NotificationSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsJsonTest {

    @Test
    void aMisspelledSettingIsRefusedByItsPath() {
        SettingsException e =
                assertThrows(
                        SettingsException.class,
                        () ->
                                AnomalySettings.fromJson(
                                        "{\"rateSpike\": {\"minCont\": 5}, \"rootkey\": {}}"));
        assertTrue(
                e.getMessage()
                        .contains(
                                "unknown setting 'rateSpike.minCont' (known here: baselineHours, enabled, k, minCount, minHistoryHours)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("'rootkey'"), e.getMessage());
    }

    @Test
    void listsOfSettingObjectsAreCheckedToo() {
        SettingsException e =
                assertThrows(
                        SettingsException.class,
                        () ->
                                NotificationSettings.fromJson(
                                        "{\"webhooks\": [{\"name\": \"a\", \"url\": \"https://x.example\", \"secret\": \"s\"}, {\"name\": \"b\", \"urll\": \"https://x\"}]}"));
        assertTrue(e.getMessage().contains("'webhooks[1].urll'"), e.getMessage());
    }

    @Test
    void plainListsAndNullsAreFine() {
        AnomalySettings s =
                AnomalySettings.fromJson(
                        "{\"sensitiveApi\": {\"apis\": [\"A\"]}, \"threatIp\": null}");
        assertEquals(1, s.sensitiveApi.apis.size());
    }

    @Test
    void brokenJsonAndEmptyDocumentsSaySo() {
        assertTrue(
                assertThrows(
                                SettingsException.class,
                                () -> SettingsJson.read("{", AnomalySettings.class, "x"))
                        .getMessage()
                        .startsWith("x is not valid JSON"));
        assertTrue(
                assertThrows(
                                SettingsException.class,
                                () -> SettingsJson.read("null", AnomalySettings.class, "x"))
                        .getMessage()
                        .startsWith("x is empty"));
        assertTrue(
                assertThrows(
                                SettingsException.class,
                                () -> SettingsJson.read("", AnomalySettings.class, "x"))
                        .getMessage()
                        .startsWith("x is"));
    }

    @Test
    void fileStoreWritesAtomicallyAndReadsBack(@TempDir Path dir) throws Exception {
        FileSettingsStore store = new FileSettingsStore(dir.resolve("a/b/settings.json"));
        assertTrue(store.load().isEmpty());
        store.save("{\"x\": 1}");
        store.save("{\"x\": 2}");
        assertEquals("{\"x\": 2}", store.load().orElseThrow());
        try (var files = Files.list(dir.resolve("a/b"))) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
    }
}
