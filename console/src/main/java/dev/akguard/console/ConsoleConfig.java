package dev.akguard.console;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code "console"} section of the monitor's config file; command-line flags override it.
 * <pre>{@code
 * { "console": { "listen": "0.0.0.0:8080", "trustedProxies": ["10.0.0.5"], "ssoHeader": "X-Forwarded-User",
 *                "secureCookies": true, "webhookSecretEnv": "AKGUARD_GITHUB_WEBHOOK_SECRET" } }
 * }</pre>
 * The webhook secret itself stays in the environment: the file only names the variable (default
 * {@code AKGUARD_GITHUB_WEBHOOK_SECRET}).
 */
public record ConsoleConfig(String listen, List<String> trustedProxies, String ssoHeader, boolean secureCookies, String webhookSecretEnv) {
    public static final String WEBHOOK_SECRET_ENV = "AKGUARD_GITHUB_WEBHOOK_SECRET";

    public static ConsoleConfig defaults() { return new ConsoleConfig(null, List.of(), null, false, WEBHOOK_SECRET_ENV); }

    public static ConsoleConfig load(Path file) {
        if (file == null) return defaults();
        JsonObject c;
        try {
            JsonElement root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!root.isJsonObject()) throw new IllegalArgumentException("Config file " + file + " must hold a JSON object.");
            JsonElement e = root.getAsJsonObject().get("console");
            if (e == null) return defaults();
            if (!e.isJsonObject()) throw new IllegalArgumentException("Config file " + file + ": \"console\" must be an object.");
            c = e.getAsJsonObject();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read config file " + file + ": " + e.getMessage(), e);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("Config file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        try {
            List<String> proxies = new ArrayList<>();
            JsonElement p = c.get("trustedProxies");
            if (p != null && !p.isJsonNull()) {
                if (!p.isJsonArray()) throw new IllegalArgumentException("\"trustedProxies\" must be an array of IP addresses");
                for (JsonElement x : (JsonArray) p) proxies.add(x.getAsString().trim());
            }
            return new ConsoleConfig(string(c, "listen"), proxies, string(c, "ssoHeader"),
                    c.has("secureCookies") && c.get("secureCookies").getAsBoolean(),
                    string(c, "webhookSecretEnv") == null ? WEBHOOK_SECRET_ENV : string(c, "webhookSecretEnv"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Config file " + file + ", section \"console\": " + e.getMessage(), e);
        }
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString().trim();
    }
}
