package dev.akguard.monitor.watch;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code "watch"} section of the monitor's JSON config file ({@code --config}); other sections belong to other
 * parts of the monitor and are ignored here.
 * <pre>{@code
 * { "watch": { "publicEvents": true, "orgs": ["acme"], "users": ["bob"], "repos": ["acme/app"],
 *              "search": { "queries": ["LTAI"], "intervalMinutes": 30 }, "minPollIntervalSeconds": 60,
 *              "maxFileBytes": 33554432, "maxAlertsPerPush": 100, "maxPushAttempts": 8,
 *              "clone": { "maxBytes": 1073741824, "timeoutSeconds": 600, "workDir": "/var/tmp/akguard", "threads": 2 } } }
 * }</pre>
 */
public final class WatchConfig {

    private WatchConfig() { }

    /** Sources and intervals from the file, or defaults (no sources) when {@code file} is null. */
    public static WatchSettings load(Path file) {
        List<Source> sources = new ArrayList<>();
        WatchSettings settings = WatchSettings.defaults(sources);
        if (file == null) return settings;
        JsonObject watch;
        try {
            JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!root.isJsonObject()) throw new IllegalArgumentException("Config file " + file + " must hold a JSON object.");
            JsonElement w = root.getAsJsonObject().get("watch");
            if (w == null) return settings;
            if (!w.isJsonObject()) throw new IllegalArgumentException("Config file " + file + ": \"watch\" must be an object.");
            watch = w.getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read config file " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("Config file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        try {
            if (watch.has("publicEvents") && watch.get("publicEvents").getAsBoolean()) sources.add(Source.publicEvents());
            for (String o : strings(watch, "orgs")) sources.add(Source.org(o));
            for (String u : strings(watch, "users")) sources.add(Source.user(u));
            for (String r : strings(watch, "repos")) sources.add(Source.repo(r));
            Duration searchInterval = settings.searchInterval();
            if (watch.has("search") && watch.get("search").isJsonObject()) {
                JsonObject search = watch.getAsJsonObject("search");
                for (String q : strings(search, "queries")) sources.add(Source.search(q));
                if (search.has("intervalMinutes")) searchInterval = Duration.ofMinutes(search.get("intervalMinutes").getAsLong());
            }
            WatchSettings out = WatchSettings.defaults(sources).withSearchInterval(searchInterval);
            if (watch.has("minPollIntervalSeconds")) out = out.withMinPollInterval(Duration.ofSeconds(watch.get("minPollIntervalSeconds").getAsLong()));
            if (watch.has("maxFileBytes")) out = out.withMaxFileBytes(positive(watch, "maxFileBytes"));
            if (watch.has("maxAlertsPerPush")) out = out.withMaxAlertsPerPush((int) Math.min(Integer.MAX_VALUE, positive(watch, "maxAlertsPerPush")));
            if (watch.has("maxPushAttempts")) out = out.withMaxPushAttempts((int) Math.min(Integer.MAX_VALUE, positive(watch, "maxPushAttempts")));
            if (watch.has("clone")) {
                if (!watch.get("clone").isJsonObject()) throw new IllegalArgumentException("\"clone\" must be an object");
                JsonObject clone = watch.getAsJsonObject("clone");
                CloneLimits c = out.cloneLimits();
                for (String key : clone.keySet()) {
                    switch (key) {
                        case "maxBytes" -> c = new CloneLimits(positive(clone, key), c.timeout(), c.workDir(), c.threads());
                        case "timeoutSeconds" -> c = new CloneLimits(c.maxBytes(), Duration.ofSeconds(positive(clone, key)), c.workDir(), c.threads());
                        case "workDir" -> c = new CloneLimits(c.maxBytes(), c.timeout(), java.nio.file.Path.of(clone.get(key).getAsString()), c.threads());
                        case "threads" -> c = new CloneLimits(c.maxBytes(), c.timeout(), c.workDir(), (int) Math.min(64, positive(clone, key)));
                        default -> throw new IllegalArgumentException("unknown key \"clone." + key + "\" (known: maxBytes, timeoutSeconds, workDir, threads)");
                    }
                }
                out = out.withClone(c);
            }
            return out;
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null && iae.getMessage().startsWith("Config")) throw iae;
            throw new IllegalArgumentException("Config file " + file + ", section \"watch\": " + e.getMessage(), e);
        }
    }

    private static long positive(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) throw new IllegalArgumentException("\"" + key + "\" must be a number");
        long v = e.getAsLong();
        if (v < 1) throw new IllegalArgumentException("\"" + key + "\" must be at least 1, got " + v);
        return v;
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> out = new ArrayList<>();
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) return out;
        if (!e.isJsonArray()) throw new IllegalArgumentException("\"" + key + "\" must be an array of strings");
        for (JsonElement x : (JsonArray) e) out.add(x.getAsString());
        return out;
    }
}
