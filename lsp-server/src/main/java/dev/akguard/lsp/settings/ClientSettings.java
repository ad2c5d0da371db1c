package dev.akguard.lsp.settings;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.akguard.core.finding.Rule;
import dev.akguard.core.suppress.PathFilter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The editor-side settings (section {@code "akguard"}), from initializationOptions,
 * didChangeConfiguration or workspace/configuration. They add to the project's {@code
 * .akguard.json}, which stays the shared source of truth for every surface: excludes here only hide
 * more, severities here only change how the editor shows a finding.
 *
 * <pre>
 * { "akguard": { "severity": { "alibaba-access-key-id": "off" }, "exclude": ["**&#47;fixtures/**"], "debounceMs": 200 } }
 * </pre>
 */
public record ClientSettings(
        Map<Rule, RuleSeverity> severities, List<String> exclude, long debounceMs) {
    public static final String SECTION = "akguard";
    public static final long DEFAULT_DEBOUNCE_MS = 200;
    public static final long MAX_DEBOUNCE_MS = 10_000;
    public static final ClientSettings DEFAULTS =
            new ClientSettings(Map.of(), List.of(), DEFAULT_DEBOUNCE_MS);

    public ClientSettings {
        severities = Map.copyOf(severities);
        exclude = List.copyOf(exclude);
    }

    public PathFilter excludeFilter() {
        return new PathFilter(exclude);
    }

    /**
     * Reads settings from whatever JSON the client sent: either {@code {"akguard": {...}}} or the
     * section itself. Settings that are missing keep their defaults; invalid entries are reported
     * through {@code problems} and skipped, so one typo does not throw away the rest.
     */
    public static ClientSettings from(Object raw, Consumer<String> problems) {
        return from(raw, DEFAULTS, problems);
    }

    /**
     * As {@link #from(Object, Consumer)}, with the keys the JSON does not set taken from {@code
     * base}: settings from workspace/configuration layer over the initializationOptions instead of
     * erasing them (Neovim, for one, answers null for a section it has no settings for).
     */
    public static ClientSettings from(Object raw, ClientSettings base, Consumer<String> problems) {
        if (!(raw instanceof JsonElement e) || !e.isJsonObject()) return base;
        JsonObject o = e.getAsJsonObject();
        if (o.has(SECTION) && o.get(SECTION).isJsonObject()) o = o.getAsJsonObject(SECTION);
        Map<Rule, RuleSeverity> sev = new EnumMap<>(Rule.class);
        if (!o.has("severity")) sev.putAll(base.severities());
        else {
            if (!o.get("severity").isJsonObject())
                problems.accept("akguard.severity must be an object of rule id to severity");
            else
                for (Map.Entry<String, JsonElement> en : o.getAsJsonObject("severity").entrySet()) {
                    Rule rule = Rule.byId(en.getKey()).orElse(null);
                    if (rule == null) {
                        problems.accept(
                                "akguard.severity: unknown rule '" + en.getKey() + "' (ignored)");
                        continue;
                    }
                    try {
                        sev.put(rule, RuleSeverity.parse(en.getValue().getAsString()));
                    } catch (RuntimeException ex) {
                        problems.accept("akguard.severity." + en.getKey() + ": " + ex.getMessage());
                    }
                }
        }
        List<String> exclude = new ArrayList<>();
        if (!o.has("exclude")) exclude.addAll(base.exclude());
        else {
            JsonElement ex = o.get("exclude");
            if (ex.isJsonArray())
                for (JsonElement x : ex.getAsJsonArray()) {
                    if (x.isJsonPrimitive()) exclude.add(x.getAsString());
                }
            else problems.accept("akguard.exclude must be an array of glob strings");
        }
        long debounce = base.debounceMs();
        if (o.has("debounceMs")) {
            try {
                debounce = o.get("debounceMs").getAsLong();
                if (debounce < 0 || debounce > MAX_DEBOUNCE_MS) {
                    debounce = base.debounceMs();
                    problems.accept(
                            "akguard.debounceMs must be between 0 and "
                                    + MAX_DEBOUNCE_MS
                                    + " (using "
                                    + debounce
                                    + ")");
                }
            } catch (RuntimeException ex) {
                problems.accept("akguard.debounceMs must be a number of milliseconds");
            }
        }
        return new ClientSettings(sev, exclude, debounce);
    }

    /**
     * True when the JSON carries akguard settings at all (a didChangeConfiguration may carry only
     * other tools').
     */
    public static boolean present(Object raw) {
        if (!(raw instanceof JsonElement e) || !e.isJsonObject()) return false;
        JsonObject o = e.getAsJsonObject();
        return o.has(SECTION)
                ? o.get(SECTION).isJsonObject()
                : (o.has("severity") || o.has("exclude") || o.has("debounceMs"));
    }
}
