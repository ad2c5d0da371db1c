package dev.akguard.monitor.runtime;

import dev.akguard.monitor.anomaly.AnomalySettings;
import dev.akguard.monitor.calls.CallsSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the runtime needs of the monitor's config file: call fetching and anomaly rules (read by
 * {@link dev.akguard.monitor.config.MonitorConfig#integration()}).
 *
 * @param baseDir the config file's folder: relative paths (the threat list) resolve against it
 */
public record IntegrationConfig(CallsSettings calls, AnomalySettings anomalies, Path baseDir) {

    public static IntegrationConfig defaults() {
        return new IntegrationConfig(CallsSettings.defaults(), AnomalySettings.defaults(), null);
    }

    /** How far back anomaly detection reads stored records: the rate baseline and a day. */
    public Duration detectionWindow() {
        return Duration.ofHours(anomalies.rateSpike.baselineHours + 24L);
    }
}
