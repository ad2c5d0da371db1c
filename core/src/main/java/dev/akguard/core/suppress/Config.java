package dev.akguard.core.suppress;

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
 * The project's {@code .akguard.json} (comments allowed). Every surface — scan, hooks, editor,
 * monitor — reads the same file, so a suppression works the same everywhere. See
 * docs/configuration.md.
 */
public final class Config {
    public static final String FILE_NAME = ".akguard.json";
    public static final long DEFAULT_MAX_FILE_SIZE = 1L << 30;

    /**
     * Upper bounds of the pairing window: wider windows only cost time (pairs further apart are not
     * one credential).
     */
    public static final int MAX_WINDOW_LINES = 10_000;

    public static final int MAX_WINDOW_BYTES = 1 << 20;

    /** Sizes above this are a typo, not a limit (Long overflow once multiplied). */
    private static final long MAX_SIZE = 1L << 50;

    private final PathFilter exclude;
    private final Set<String> allowedIds;
    private final List<Pattern> allowPatterns;
    private final Map<Rule, Severity> severities;
    private final Set<Rule> disabled;
    private final long maxFileSize;
    private final DetectorOptions detectorOptions;
    private final List<String> excludePatterns;

    private Config(
            List<String> exclude,
            Set<String> allowedIds,
            List<Pattern> allowPatterns,
            Map<Rule, Severity> severities,
            Set<Rule> disabled,
            long maxFileSize,
            DetectorOptions detectorOptions) {
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
        return new Config(
                List.of(),
                Set.of(),
                List.of(),
                Map.of(),
                Set.of(),
                DEFAULT_MAX_FILE_SIZE,
                DetectorOptions.DEFAULT);
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
            if (!e.isJsonObject())
                throw new ConfigException(origin + ": expected a JSON object at the top level");
            root = e.getAsJsonObject();
        } catch (JsonParseException | IOException e) {
            throw new ConfigException(origin + ": not valid JSON: " + e.getMessage());
        }
        TypedJson cfg =
                TypedJson.root(root, origin)
                        .allowOnly(
                                "exclude",
                                "allow",
                                "rules",
                                "maxFileSize",
                                "pairing",
                                "decoding",
                                "archives");
        List<String> exclude = cfg.strings("exclude");
        Set<String> ids = Set.of();
        List<Pattern> patterns = new ArrayList<>();
        if (cfg.has("allow")) {
            TypedJson allow = cfg.object("allow").allowOnly("accessKeyIds", "patterns");
            ids = Set.copyOf(allow.strings("accessKeyIds"));
            List<String> sources = allow.strings("patterns");
            for (int i = 0; i < sources.size(); i++) {
                try {
                    patterns.add(Pattern.compile(sources.get(i)));
                } catch (PatternSyntaxException ex) {
                    throw new ConfigException(
                            origin
                                    + ": 'allow.patterns["
                                    + i
                                    + "]' is not a valid regular expression: "
                                    + ex.getDescription());
                }
            }
        }
        Map<Rule, Severity> severities = new EnumMap<>(Rule.class);
        java.util.EnumSet<Rule> disabled = java.util.EnumSet.noneOf(Rule.class);
        if (cfg.has("rules")) {
            TypedJson rules = cfg.object("rules");
            for (Map.Entry<String, JsonElement> e : rules.entries()) {
                Rule rule =
                        Rule.byId(e.getKey())
                                .orElseThrow(
                                        () ->
                                                new ConfigException(
                                                        origin
                                                                + ": unknown rule '"
                                                                + dev.akguard.core.text.Untrusted
                                                                        .inline(e.getKey())
                                                                + "' in rules (known: "
                                                                + knownRules()
                                                                + ")"));
                TypedJson r = rules.object(e.getKey()).allowOnly("severity", "enabled");
                if (r.has("severity")) {
                    String s = r.string("severity");
                    if (s.equalsIgnoreCase("off")) disabled.add(rule);
                    else {
                        try {
                            severities.put(rule, Severity.parse(s));
                        } catch (IllegalArgumentException ex) {
                            throw new ConfigException(
                                    origin + ": '" + r.where("severity") + "': " + ex.getMessage());
                        }
                    }
                }
                if (r.has("enabled") && !r.bool("enabled")) disabled.add(rule);
            }
        }
        long maxSize =
                cfg.has("maxFileSize")
                        ? parseSize(cfg.stringOrNumber("maxFileSize"), origin + ": 'maxFileSize'")
                        : DEFAULT_MAX_FILE_SIZE;
        DetectorOptions opts = DetectorOptions.DEFAULT;
        if (cfg.has("pairing")) {
            TypedJson p = cfg.object("pairing").allowOnly("windowLines", "windowBytes");
            int lines =
                    p.has("windowLines")
                            ? (int) p.integer("windowLines", 0, MAX_WINDOW_LINES)
                            : opts.windowLines();
            int bytes =
                    p.has("windowBytes")
                            ? (int) p.integer("windowBytes", 64, MAX_WINDOW_BYTES)
                            : opts.windowBytes();
            opts = new DetectorOptions(lines, bytes);
        }
        if (cfg.has("decoding")) {
            TypedJson d = cfg.object("decoding").allowOnly("maxDepth");
            if (d.has("maxDepth"))
                opts = opts.withMaxDecodeDepth((int) d.integer("maxDepth", 0, 8));
        }
        if (cfg.has("archives")) {
            TypedJson ar = cfg.object("archives").allowOnly("maxDepth", "maxSize");
            opts =
                    opts.withArchives(
                            ar.has("maxDepth")
                                    ? (int) ar.integer("maxDepth", 0, 16)
                                    : opts.archiveDepth(),
                            ar.has("maxSize")
                                    ? parseSize(
                                            ar.stringOrNumber("maxSize"),
                                            origin + ": 'archives.maxSize'")
                                    : opts.archiveMaxBytes());
        }
        return new Config(exclude, ids, patterns, severities, disabled, maxSize, opts);
    }

    private static String knownRules() {
        return String.join(", ", java.util.Arrays.stream(Rule.values()).map(Rule::id).toList());
    }

    /** "1g", "512m", "100k", "12345". */
    public static long parseSize(String s, String origin) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("b")) t = t.substring(0, t.length() - 1);
        if (t.endsWith("k")) {
            mult = 1L << 10;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            mult = 1L << 20;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("g")) {
            mult = 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long v = Long.parseLong(t.trim());
            if (v <= 0 || v > MAX_SIZE / mult) throw new NumberFormatException();
            return v * mult;
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    origin
                            + ": size '"
                            + dev.akguard.core.text.Untrusted.inline(s)
                            + "' is not a positive number below 1 PiB with an optional k, m or g suffix");
        }
    }

    public PathFilter exclude() {
        return exclude;
    }

    public List<String> excludePatterns() {
        return excludePatterns;
    }

    public long maxFileSize() {
        return maxFileSize;
    }

    public DetectorOptions detectorOptions() {
        return detectorOptions;
    }

    public boolean enabled(Rule r) {
        return !disabled.contains(r);
    }

    public Severity severity(Rule r) {
        return severities.getOrDefault(r, r.defaultSeverity());
    }

    public boolean allowsId(String accessKeyId) {
        return allowedIds.contains(accessKeyId);
    }

    /** An allow pattern that matches the ID or the line it is on. */
    public boolean allowsLine(String accessKeyId, CharSequence line) {
        for (Pattern p : allowPatterns)
            if (p.matcher(accessKeyId).find() || p.matcher(line).find()) return true;
        return false;
    }

    public Config withMaxFileSize(long size) {
        return new Config(
                excludePatterns,
                allowedIds,
                allowPatterns,
                severities,
                disabled,
                size,
                detectorOptions);
    }

    public Config withDetectorOptions(DetectorOptions o) {
        return new Config(
                excludePatterns, allowedIds, allowPatterns, severities, disabled, maxFileSize, o);
    }

    public Config withExtraExcludes(List<String> more) {
        List<String> all = new ArrayList<>(excludePatterns);
        all.addAll(more);
        return new Config(
                all, allowedIds, allowPatterns, severities, disabled, maxFileSize, detectorOptions);
    }
}
