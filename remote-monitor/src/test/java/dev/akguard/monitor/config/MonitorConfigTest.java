package dev.akguard.monitor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.runtime.IntegrationConfig;
import dev.akguard.monitor.settings.SettingsException;
import dev.akguard.monitor.watch.Source;
import dev.akguard.monitor.watch.WatchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorConfigTest {

    @TempDir Path dir;

    private Path write(String json) throws Exception {
        Path f = dir.resolve("monitor.json");
        Files.writeString(f, json);
        return f;
    }

    private SettingsException refused(String json) throws Exception {
        Path f = write(json);
        SettingsException e = assertThrows(SettingsException.class, () -> MonitorConfig.load(f));
        assertTrue(e.getMessage().startsWith("Config file " + f), e.getMessage());
        return e;
    }

    @Test
    void everySectionIsReadIntoOneTypedConfig() throws Exception {
        Path f =
                write(
                        """
                { "watch": { "publicEvents": true, "orgs": ["acme"], "users": ["bob"], "repos": ["acme/app"],
                             "search": { "queries": ["LTAI"], "intervalMinutes": 45 }, "minPollIntervalSeconds": 90 },
                  "calls": { "regions": ["cn-hangzhou", "cn-shanghai"], "refreshMinutes": 20, "lookbackHours": 48 },
                  "anomalies": { "threatIp": { "listFile": "threats.txt" }, "rateSpike": { "k": 4 } } }
                """);
        MonitorConfig c = MonitorConfig.load(f);
        WatchSettings w = c.watchSettings();
        assertEquals(
                List.of(
                        Source.publicEvents(),
                        Source.org("acme"),
                        Source.user("bob"),
                        Source.repo("acme/app"),
                        Source.search("LTAI")),
                w.sources());
        assertEquals(Duration.ofMinutes(45), w.searchInterval());
        assertEquals(Duration.ofSeconds(90), w.minPollInterval());
        IntegrationConfig i = c.integration();
        assertEquals(List.of("cn-hangzhou", "cn-shanghai"), i.calls().regions());
        assertEquals(Duration.ofMinutes(20), i.calls().refreshInterval());
        assertEquals(Duration.ofHours(48), i.calls().lookback());
        assertEquals(4.0, i.anomalies().rateSpike.k);
        assertEquals("threats.txt", i.anomalies().threatIp.listFile);
        assertEquals(dir.toAbsolutePath(), i.baseDir());
    }

    @Test
    void noFileAndAnEmptyObjectMeanTheDefaults() throws Exception {
        assertEquals(WatchSettings.defaults(List.of()), MonitorConfig.load(null).watchSettings());
        assertEquals(
                WatchSettings.defaults(List.of()), MonitorConfig.load(write("{}")).watchSettings());
        assertEquals(
                IntegrationConfig.defaults().calls(),
                MonitorConfig.load(write("{}")).integration().calls());
    }

    @Test
    void unknownKeysAreRefusedInEverySectionByName() throws Exception {
        assertTrue(
                refused("{\"watch\": {\"org\": [\"acme\"]}}").getMessage().contains("'watch.org'"));
        assertTrue(
                refused("{\"calls\": {\"region\": [\"cn-beijing\"]}}")
                        .getMessage()
                        .contains("'calls.region'"));
        assertTrue(
                refused("{\"anomalies\": {\"rateSpike\": {\"kk\": 2}}}")
                        .getMessage()
                        .contains("'anomalies.rateSpike.kk'"));
        assertTrue(refused("{\"wacth\": {}}").getMessage().contains("'wacth'"));
    }

    @Test
    void wronglyTypedValuesAreRefusedByName() throws Exception {
        assertTrue(
                refused("{\"watch\": {\"publicEvents\": \"yes\"}}")
                        .getMessage()
                        .contains("'watch.publicEvents' must be true or false"));
        assertTrue(
                refused("{\"watch\": {\"publicEvents\": 1}}")
                        .getMessage()
                        .contains("'watch.publicEvents'"));
        assertTrue(
                refused("{\"watch\": {\"minPollIntervalSeconds\": \"60\"}}")
                        .getMessage()
                        .contains("'watch.minPollIntervalSeconds' must be a whole number"));
        assertTrue(
                refused("{\"watch\": {\"orgs\": \"acme\"}}")
                        .getMessage()
                        .contains("'watch.orgs' must be a list"));
        assertTrue(
                refused("{\"watch\": {\"orgs\": [1]}}")
                        .getMessage()
                        .contains("'watch.orgs[0]' must be a string"));
        assertTrue(refused("{\"calls\": []}").getMessage().contains("'calls' must be an object"));
        assertTrue(
                refused("{\"calls\": {\"refreshMinutes\": 1.5}}")
                        .getMessage()
                        .contains("'calls.refreshMinutes'"));
        assertTrue(refused("[]").getMessage().contains("must hold a JSON object"));
        assertTrue(refused("{\"watch\": ").getMessage().contains("not valid JSON"));
    }

    @Test
    void numbersOutOfRangeAreRefusedByName() throws Exception {
        assertTrue(
                refused("{\"watch\": {\"minPollIntervalSeconds\": -100}}")
                        .getMessage()
                        .contains(
                                "'watch.minPollIntervalSeconds' must be between 0 and 86400 (found -100)"));
        assertTrue(
                refused("{\"watch\": {\"search\": {\"intervalMinutes\": 0}}}")
                        .getMessage()
                        .contains("'watch.search.intervalMinutes'"));
        assertTrue(
                refused("{\"calls\": {\"lookbackHours\": 4294967296}}")
                        .getMessage()
                        .contains("'calls.lookbackHours'"));
        assertTrue(
                refused("{\"calls\": {\"regions\": []}}")
                        .getMessage()
                        .contains("'calls.regions' needs at least one region"));
        assertTrue(
                refused("{\"anomalies\": {\"sharedIp\": {\"minDistinctUsers\": 1}}}")
                        .getMessage()
                        .contains("sharedIp.minDistinctUsers"));
        assertTrue(
                refused("{\"watch\": {\"repos\": [\"not-a-repo\"]}}")
                        .getMessage()
                        .contains("'watch.repos'"));
    }

    @Test
    void randomValuesOfWrongTypesNeverGiveAnythingButAClearError() throws Exception {
        String[] keys = {
            "watch.publicEvents",
            "watch.orgs",
            "watch.minPollIntervalSeconds",
            "watch.search.queries",
            "watch.search.intervalMinutes",
            "calls.regions",
            "calls.refreshMinutes",
            "calls.lookbackHours",
            "anomalies.rateSpike.k",
            "anomalies.threatIp.listFile",
            "anomalies.sharedIp.enabled"
        };
        String[] values = {
            "\"yes\"",
            "1",
            "-1",
            "1e400",
            "true",
            "null",
            "[]",
            "[1, \"a\"]",
            "{}",
            "{\"x\": 1}",
            "\"\"",
            "9223372036854775808",
            "0.5"
        };
        Random random = new Random(12);
        for (int i = 0; i < 400; i++) {
            String[] path = keys[random.nextInt(keys.length)].split("\\.");
            String json = values[random.nextInt(values.length)];
            for (int p = path.length - 1; p >= 0; p--) json = "{\"" + path[p] + "\": " + json + "}";
            Path f = write(json);
            try {
                MonitorConfig c = MonitorConfig.load(f);
                c.watchSettings();
                c.integration();
            } catch (SettingsException expected) {
                assertTrue(
                        expected.getMessage().startsWith("Config file " + f),
                        json + " -> " + expected.getMessage());
            }
        }
    }

    @Test
    void watchLimitsAndTheConsoleSectionAreReadCheckedAndTyped() throws Exception {
        MonitorConfig c =
                MonitorConfig.load(
                        write(
                                """
                { "watch": { "maxFileBytes": 1048576, "maxAlertsPerPush": 7, "maxPushAttempts": 2,
                             "clone": { "maxBytes": 2048, "timeoutSeconds": 30, "threads": 3 } },
                  "console": { "listen": " 0.0.0.0:9090 ", "trustedProxies": ["10.0.0.5"], "secureCookies": true } }
                """));
        WatchSettings w = c.watchSettings();
        assertEquals(1048576, w.maxFileBytes());
        assertEquals(7, w.maxAlertsPerPush());
        assertEquals(2, w.maxPushAttempts());
        assertEquals(2048, w.cloneLimits().maxBytes());
        assertEquals(Duration.ofSeconds(30), w.cloneLimits().timeout());
        assertEquals(3, w.cloneLimits().threads());
        assertEquals(" 0.0.0.0:9090 ", c.console.listen);
        assertEquals(List.of("10.0.0.5"), c.console.trustedProxies);
        assertTrue(c.console.secureCookies);
        assertTrue(
                refused("{ \"console\": { \"listn\": \"0.0.0.0:1\" } }")
                        .getMessage()
                        .contains("listn"));
        assertTrue(
                refused("{ \"watch\": { \"clone\": { \"threads\": 0 } } }")
                        .getMessage()
                        .contains("watch.clone.threads"));
        assertTrue(
                refused("{ \"watch\": { \"maxAlertsPerPush\": -1 } }")
                        .getMessage()
                        .contains("watch.maxAlertsPerPush"));
        assertTrue(
                refused("{ \"console\": { \"webhookSecretEnv\": \" \" } }")
                        .getMessage()
                        .contains("console.webhookSecretEnv"));
    }
}
