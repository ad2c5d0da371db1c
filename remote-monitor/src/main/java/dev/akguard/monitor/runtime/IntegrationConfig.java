package dev.akguard.monitor.runtime;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.akguard.monitor.anomaly.AnomalySettings;
import dev.akguard.monitor.calls.CallsSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code "calls"} and {@code "anomalies"} sections of the monitor's JSON config file ({@code --config}); other
 * sections belong to other parts of the monitor. Missing sections mean defaults.
 * <pre>{@code
 * { "calls": { "regions": ["cn-hangzhou", "cn-shanghai"], "refreshMinutes": 15, "lookbackHours": 168 },
 *   "anomalies": { "threatIp": { "listFile": "threats.txt" }, "rateSpike": { "k": 6 } } }
 * }</pre>
 *
 * @param baseDir the config file's folder: relative paths (the threat list) resolve against it
 */
public record IntegrationConfig(CallsSettings calls, AnomalySettings anomalies, Path baseDir) {

    public static IntegrationConfig defaults() {
        return new IntegrationConfig(CallsSettings.defaults(), AnomalySettings.defaults(), null);
    }

    /** @throws IllegalArgumentException naming the file and what is wrong */
    public static IntegrationConfig load(Path file) {
        if (file == null) return defaults();
        JsonObject root;
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) throw new IllegalArgumentException("Config file " + file + " must hold a JSON object.");
            root = e.getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read config file " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("Config file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        Path base = file.toAbsolutePath().getParent();
        CallsSettings calls = CallsSettings.defaults();
        try {
            if (root.has("calls") && root.get("calls").isJsonObject()) {
                JsonObject o = root.getAsJsonObject("calls");
                List<String> regions = new ArrayList<>();
                if (o.has("regions")) for (JsonElement r : o.getAsJsonArray("regions")) regions.add(r.getAsString().trim());
                calls = new CallsSettings(regions.isEmpty() ? calls.regions() : regions,
                        o.has("refreshMinutes") ? Duration.ofMinutes(o.get("refreshMinutes").getAsLong()) : calls.refreshInterval(),
                        o.has("lookbackHours") ? Duration.ofHours(o.get("lookbackHours").getAsLong()) : calls.lookback());
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Config file " + file + ", section \"calls\": " + e.getMessage(), e);
        }
        AnomalySettings anomalies = AnomalySettings.defaults();
        if (root.has("anomalies") && !root.get("anomalies").isJsonNull()) {
            anomalies = AnomalySettings.fromJson(root.get("anomalies").toString());
        }
        return new IntegrationConfig(calls, anomalies, base);
    }

    /** How far back anomaly detection reads stored records: the rate baseline and a day. */
    public Duration detectionWindow() { return Duration.ofHours(anomalies.rateSpike.baselineHours + 24L); }
}
