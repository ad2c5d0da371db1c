package dev.akguard.core.suppress;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.akguard.core.finding.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accepted findings, keyed by fingerprint (rule + SHA-256 of ID and secret) so an entry survives
 * edits, moves and rewritten history, and never holds a secret. The AccessKey ID is stored masked,
 * so that the baseline file itself does not look like a leak to other scanners.
 */
public final class Baseline {
    public static final String FILE_NAME = ".akguard-baseline.json";
    public static final Baseline EMPTY = new Baseline(Map.of());

    /**
     * One accepted finding. {@code path}/{@code line} are where it was first accepted:
     * informational only.
     */
    public record Entry(
            String fingerprint,
            String rule,
            String accessKeyIdMasked,
            String secretRedacted,
            String path,
            int line,
            String addedAt,
            String note) {}

    private final Map<String, Entry> entries;

    private Baseline(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public boolean contains(Finding f) {
        return entries.containsKey(f.fingerprint());
    }

    public boolean containsFingerprint(String fp) {
        return entries.containsKey(fp);
    }

    public int size() {
        return entries.size();
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public static Baseline load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("cannot read baseline " + file + ": " + e.getMessage());
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new ConfigException(
                    "baseline " + file + " is not valid JSON: " + e.getMessage() + RECREATE);
        }
        String origin = "baseline " + file;
        if (!root.isJsonObject())
            throw new ConfigException(
                    origin + ": expected a JSON object with a \"findings\" array" + RECREATE);
        TypedJson top = TypedJson.root(root.getAsJsonObject(), origin);
        if (!top.has("findings"))
            throw new ConfigException(origin + " has no \"findings\" array" + RECREATE);
        Map<String, Entry> map = new LinkedHashMap<>();
        try {
            List<TypedJson> items = top.objects("findings");
            for (TypedJson e : items) {
                Entry entry =
                        new Entry(
                                e.string("fingerprint"),
                                optional(e, "rule"),
                                optional(e, "accessKeyIdMasked"),
                                optional(e, "secretRedacted"),
                                optional(e, "path"),
                                e.has("line") ? (int) e.integer("line", 0, Integer.MAX_VALUE) : 0,
                                optional(e, "addedAt"),
                                optional(e, "note"));
                map.put(entry.fingerprint(), entry);
            }
        } catch (ConfigException e) {
            throw new ConfigException(e.getMessage() + RECREATE, e);
        }
        return new Baseline(map);
    }

    private static final String RECREATE =
            " (fix it, or replace it with `akguard baseline create`)";

    private static String optional(TypedJson o, String key) {
        return o.has(key) ? o.string(key) : null;
    }

    /**
     * A new baseline: this one's entries plus the given findings (existing entries keep their date
     * and note).
     */
    public Baseline plus(Collection<Finding> findings, String note) {
        Map<String, Entry> map = new LinkedHashMap<>(entries);
        String now = Instant.now().toString();
        for (Finding f : findings) {
            map.putIfAbsent(
                    f.fingerprint(),
                    new Entry(
                            f.fingerprint(),
                            f.ruleId(),
                            maskId(f.accessKeyId()),
                            f.secretRedacted(),
                            f.path(),
                            f.id().line(),
                            now,
                            note));
        }
        return new Baseline(map);
    }

    /** Only the given findings (entries for them that already exist are kept as they were). */
    public Baseline retainOnly(Collection<Finding> findings) {
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Finding f : findings) {
            Entry old = entries.get(f.fingerprint());
            if (old != null) map.put(old.fingerprint(), old);
        }
        return new Baseline(map);
    }

    /** A fingerprint as akguard prints it: {@code <ruleId>:<64 hex digits>}. */
    public static boolean isFingerprint(String fp) {
        return fp != null && fp.matches("alibaba-[a-z0-9-]+:[0-9a-f]{64}");
    }

    /**
     * This baseline plus one fingerprint, accepted by hand (e.g. from a report or a blocked push);
     * an entry that is already there keeps its date and gets the new note only when it had none.
     */
    public Baseline withFingerprint(String fingerprint, String note) {
        if (!isFingerprint(fingerprint))
            throw new IllegalArgumentException(
                    "'"
                            + fingerprint
                            + "' is not an akguard fingerprint "
                            + "(<rule id>:<64 hex digits>, as in the `fingerprint` field of `--format json`)");
        Map<String, Entry> map = new LinkedHashMap<>(entries);
        Entry old = map.get(fingerprint);
        if (old == null) {
            map.put(
                    fingerprint,
                    new Entry(
                            fingerprint,
                            fingerprint.substring(0, fingerprint.indexOf(':')),
                            null,
                            null,
                            null,
                            0,
                            Instant.now().toString(),
                            note));
        } else if (old.note() == null && note != null) {
            map.put(
                    fingerprint,
                    new Entry(
                            old.fingerprint(),
                            old.rule(),
                            old.accessKeyIdMasked(),
                            old.secretRedacted(),
                            old.path(),
                            old.line(),
                            old.addedAt(),
                            note));
        }
        return new Baseline(map);
    }

    /** This baseline without the fingerprint (unchanged when it is not there). */
    public Baseline withoutFingerprint(String fingerprint) {
        Map<String, Entry> map = new LinkedHashMap<>(entries);
        map.remove(fingerprint);
        return new Baseline(map);
    }

    public static String maskId(String id) {
        if (id == null || id.length() < 8) return id;
        return id.substring(0, 4) + "…" + id.substring(id.length() - 4);
    }

    /**
     * Writes atomically (temp file + rename) so an interrupted write never leaves a truncated
     * baseline.
     */
    public void save(Path file) throws IOException {
        JsonObject root = new JsonObject();
        root.addProperty("version", 1);
        root.addProperty("tool", "akguard");
        Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        root.add("findings", gson.toJsonTree(entries.values()));
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".akguard-baseline", ".tmp");
        Files.writeString(tmp, gson.toJson(root) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
