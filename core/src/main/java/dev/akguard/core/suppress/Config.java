package dev.akguard.core.suppress;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import dev.akguard.core.detect.DetectorOptions;
import dev.akguard.core.finding.Rule;
import dev.akguard.core.finding.Severity;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The project's {@code .akguard.json} (comments allowed). Every surface — scan, hooks, editor, monitor —
 * reads the same file, so a suppression works the same everywhere. See docs/configuration.md.
 */
public final class Config {
    public static final String FILE_NAME = ".akguard.json";
    public static final long DEFAULT_MAX_FILE_SIZE = 1L << 30;

    private final PathFilter exclude;
    private final Set<String> allowedIds;
    private final List<Pattern> allowPatterns;
    private final Map<Rule, Severity> severities;
    private final Set<Rule> disabled;
    private final long maxFileSize;
    private final DetectorOptions detectorOptions;
    private final List<String> excludePatterns;

    private Config(List<String> exclude, Set<String> allowedIds, List<Pattern> allowPatterns, Map<Rule, Severity> severities,
                   Set<Rule> disabled, long maxFileSize, DetectorOptions detectorOptions) {
        this.excludePatterns = List.copyOf(exclude);
        this.exclude = new PathFilter(exclude);
        this.allowedIds = Set.copyOf(allowedIds);
        this.allowPatterns = List.copyOf(allowPatterns);
        this.severities = Map.copyOf(severities);
        this.disabled = Set.copyOf(disabled);
        this.maxFileSize = maxFileSize;
        this.detectorOptions = detectorOptions;
    }

    public static Config defaults() {
        return new Config(List.of(), Set.of(), List.of(), Map.of(), Set.of(), DEFAULT_MAX_FILE_SIZE, DetectorOptions.DEFAULT);
    }

    public static Config load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
    }

    public static Config parse(String json, String origin) {
        JsonObject root;
        try (Reader r = new StringReader(json)) {
            JsonReader reader = new JsonReader(r);
            reader.setStrictness(Strictness.LENIENT); // allows // and # comments and unquoted names
            JsonElement e = JsonParser.parseReader(reader);
            if (!e.isJsonObject()) throw new ConfigException(origin + ": expected a JSON object at the top level");
            root = e.getAsJsonObject();
        } catch (JsonParseException | IOException e) {
            throw new ConfigException(origin + ": not valid JSON: " + e.getMessage());
        }
        List<String> exclude = strings(root, "exclude", origin);
        Set<String> ids = Set.of();
        List<Pattern> patterns = new ArrayList<>();
        if (root.has("allow")) {
            JsonObject allow = object(root, "allow", origin);
            ids = Set.copyOf(strings(allow, "accessKeyIds", origin));
            for (String p : strings(allow, "patterns", origin)) {
                try {
                    patterns.add(Pattern.compile(p));
                } catch (PatternSyntaxException ex) {
                    throw new ConfigException(origin + ": allow.patterns entry '" + p + "' is not a valid regular expression: " + ex.getDescription());
                }
            }
        }
        Map<Rule, Severity> severities = new EnumMap<>(Rule.class);
        java.util.EnumSet<Rule> disabled = java.util.EnumSet.noneOf(Rule.class);
        if (root.has("rules")) {
            for (Map.Entry<String, JsonElement> e : object(root, "rules", origin).entrySet()) {
                Rule rule = Rule.byId(e.getKey()).orElseThrow(() -> new ConfigException(origin + ": unknown rule '" + e.getKey()
                        + "' in rules (known: " + knownRules() + ")"));
                if (!e.getValue().isJsonObject()) throw new ConfigException(origin + ": rules." + e.getKey() + " must be an object");
                JsonObject r = e.getValue().getAsJsonObject();
                if (r.has("severity")) {
                    String s = r.get("severity").getAsString();
                    if (s.equalsIgnoreCase("off")) disabled.add(rule);
                    else {
                        try { severities.put(rule, Severity.parse(s)); } catch (IllegalArgumentException ex) {
                            throw new ConfigException(origin + ": rules." + e.getKey() + ".severity: " + ex.getMessage());
                        }
                    }
                }
                if (r.has("enabled") && !r.get("enabled").getAsBoolean()) disabled.add(rule);
            }
        }
        long maxSize = root.has("maxFileSize") ? parseSize(root.get("maxFileSize").getAsString(), origin) : DEFAULT_MAX_FILE_SIZE;
        DetectorOptions opts = DetectorOptions.DEFAULT;
        if (root.has("pairing")) {
            JsonObject p = object(root, "pairing", origin);
            int lines = p.has("windowLines") ? p.get("windowLines").getAsInt() : opts.windowLines();
            int bytes = p.has("windowBytes") ? p.get("windowBytes").getAsInt() : opts.windowBytes();
            try { opts = new DetectorOptions(lines, bytes); } catch (IllegalArgumentException ex) {
                throw new ConfigException(origin + ": pairing: " + ex.getMessage());
            }
        }
        try {
            if (root.has("decoding")) {
                JsonObject d = object(root, "decoding", origin);
                if (d.has("maxDepth")) opts = opts.withMaxDecodeDepth(d.get("maxDepth").getAsInt());
            }
            if (root.has("archives")) {
                JsonObject ar = object(root, "archives", origin);
                opts = opts.withArchives(ar.has("maxDepth") ? ar.get("maxDepth").getAsInt() : opts.archiveDepth(),
                        ar.has("maxSize") ? parseSize(ar.get("maxSize").getAsString(), origin + ": archives.maxSize") : opts.archiveMaxBytes());
            }
        } catch (IllegalArgumentException | UnsupportedOperationException | IllegalStateException ex) {
            throw new ConfigException(origin + ": decoding/archives: " + ex.getMessage());
        }
        return new Config(exclude, ids, patterns, severities, disabled, maxSize, opts);
    }

    private static String knownRules() {
        return String.join(", ", java.util.Arrays.stream(Rule.values()).map(Rule::id).toList());
    }

    private static JsonObject object(JsonObject o, String key, String origin) {
        JsonElement e = o.get(key);
        if (!e.isJsonObject()) throw new ConfigException(origin + ": '" + key + "' must be an object");
        return e.getAsJsonObject();
    }

    private static List<String> strings(JsonObject o, String key, String origin) {
        if (!o.has(key)) return List.of();
        JsonElement e = o.get(key);
        if (!e.isJsonArray()) throw new ConfigException(origin + ": '" + key + "' must be an array of strings");
        List<String> out = new ArrayList<>();
        for (JsonElement x : (JsonArray) e) out.add(x.getAsString());
        return out;
    }

    /** "1g", "512m", "100k", "12345". */
    public static long parseSize(String s, String origin) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("b")) t = t.substring(0, t.length() - 1);
        if (t.endsWith("k")) { mult = 1L << 10; t = t.substring(0, t.length() - 1); }
        else if (t.endsWith("m")) { mult = 1L << 20; t = t.substring(0, t.length() - 1); }
        else if (t.endsWith("g")) { mult = 1L << 30; t = t.substring(0, t.length() - 1); }
        try {
            long v = Long.parseLong(t.trim());
            if (v <= 0) throw new NumberFormatException();
            return v * mult;
        } catch (NumberFormatException e) {
            throw new ConfigException(origin + ": size '" + s + "' is not a positive number with an optional k, m or g suffix");
        }
    }

    public PathFilter exclude() { return exclude; }
    public List<String> excludePatterns() { return excludePatterns; }
    public long maxFileSize() { return maxFileSize; }
    public DetectorOptions detectorOptions() { return detectorOptions; }
    public boolean enabled(Rule r) { return !disabled.contains(r); }
    public Severity severity(Rule r) { return severities.getOrDefault(r, r.defaultSeverity()); }
    public boolean allowsId(String accessKeyId) { return allowedIds.contains(accessKeyId); }

    /** An allow pattern that matches the ID or the line it is on. */
    public boolean allowsLine(String accessKeyId, CharSequence line) {
        for (Pattern p : allowPatterns) if (p.matcher(accessKeyId).find() || p.matcher(line).find()) return true;
        return false;
    }

    public Config withMaxFileSize(long size) {
        return new Config(excludePatterns, allowedIds, allowPatterns, severities, disabled, size, detectorOptions);
    }

    public Config withDetectorOptions(DetectorOptions o) {
        return new Config(excludePatterns, allowedIds, allowPatterns, severities, disabled, maxFileSize, o);
    }

    public Config withExtraExcludes(List<String> more) {
        List<String> all = new ArrayList<>(excludePatterns);
        all.addAll(more);
        return new Config(all, allowedIds, allowPatterns, severities, disabled, maxFileSize, detectorOptions);
    }
}
