package dev.akguard.core.suppress;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One JSON object of a configuration file, read with its types checked. Every accessor throws a
 * {@link ConfigException} that names the file and the key's full path ({@code rules.x.enabled}), so
 * a typo or a wrongly typed value is an error the user can fix, never a silent default and never an
 * "internal error".
 */
final class TypedJson {
    private final JsonObject object;
    private final String origin;
    private final String path;

    private TypedJson(JsonObject object, String origin, String path) {
        this.object = object;
        this.origin = origin;
        this.path = path;
    }

    static TypedJson root(JsonObject object, String origin) {
        return new TypedJson(object, origin, "");
    }

    String origin() {
        return origin;
    }

    /** Rejects any key not listed: a misspelt key must not be ignored silently. */
    TypedJson allowOnly(String... keys) {
        Set<String> known = Set.of(keys);
        for (String k : object.keySet()) {
            if (!known.contains(k)) {
                throw error(
                        "unknown key '"
                                + where(k)
                                + "' (known keys"
                                + (path.isEmpty() ? "" : " in " + path)
                                + ": "
                                + String.join(", ", new TreeSet<>(known))
                                + ")");
            }
        }
        return this;
    }

    boolean has(String key) {
        return object.has(key) && !object.get(key).isJsonNull();
    }

    Set<Map.Entry<String, JsonElement>> entries() {
        return object.entrySet();
    }

    TypedJson object(String key) {
        JsonElement e = present(key);
        if (!e.isJsonObject()) throw wrongType(key, "an object", e);
        return new TypedJson(e.getAsJsonObject(), origin, where(key));
    }

    boolean bool(String key) {
        JsonElement e = present(key);
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) return e.getAsBoolean();
        throw wrongType(key, "true or false", e);
    }

    String string(String key) {
        JsonElement e = present(key);
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) return e.getAsString();
        throw wrongType(key, "a string", e);
    }

    /** An array of strings; absent means empty. */
    List<String> strings(String key) {
        if (!has(key)) return List.of();
        JsonElement e = object.get(key);
        if (!e.isJsonArray()) throw wrongType(key, "an array of strings", e);
        List<String> out = new ArrayList<>();
        JsonArray a = e.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            JsonElement x = a.get(i);
            if (!(x.isJsonPrimitive() && x.getAsJsonPrimitive().isString()))
                throw wrongType(key + "[" + i + "]", "a string", x);
            out.add(x.getAsString());
        }
        return out;
    }

    /** An array of objects; absent means empty. */
    List<TypedJson> objects(String key) {
        if (!has(key)) return List.of();
        JsonElement e = object.get(key);
        if (!e.isJsonArray()) throw wrongType(key, "an array of objects", e);
        List<TypedJson> out = new ArrayList<>();
        JsonArray a = e.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            JsonElement x = a.get(i);
            if (!x.isJsonObject()) throw wrongType(key + "[" + i + "]", "an object", x);
            out.add(new TypedJson(x.getAsJsonObject(), origin, where(key + "[" + i + "]")));
        }
        return out;
    }

    /** A whole number in [min, max]. */
    long integer(String key, long min, long max) {
        JsonElement e = present(key);
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            BigDecimal d;
            try {
                d = e.getAsBigDecimal();
            } catch (NumberFormatException ex) {
                throw wrongType(key, "a whole number", e);
            }
            if (d.stripTrailingZeros().scale() <= 0
                    && d.compareTo(BigDecimal.valueOf(min)) >= 0
                    && d.compareTo(BigDecimal.valueOf(max)) <= 0) {
                return d.longValueExact();
            }
            throw error(
                    "'"
                            + where(key)
                            + "' must be a whole number from "
                            + min
                            + " to "
                            + max
                            + ", not "
                            + d.toPlainString());
        }
        throw wrongType(key, "a whole number from " + min + " to " + max, e);
    }

    /** A string or a number (used for sizes such as {@code "512m"} or {@code 1048576}). */
    String stringOrNumber(String key) {
        JsonElement e = present(key);
        if (e.isJsonPrimitive() && !e.getAsJsonPrimitive().isBoolean()) return e.getAsString();
        throw wrongType(key, "a size such as \"512m\"", e);
    }

    String where(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    ConfigException error(String message) {
        return new ConfigException(origin + ": " + message);
    }

    private JsonElement present(String key) {
        JsonElement e = object.get(key);
        if (e == null) throw error("'" + where(key) + "' is missing");
        if (e.isJsonNull()) throw error("'" + where(key) + "' must not be null");
        return e;
    }

    private ConfigException wrongType(String key, String expected, JsonElement actual) {
        return error("'" + where(key) + "' must be " + expected + ", not " + describe(actual));
    }

    /** The kind of value, without echoing long or sensitive content. */
    static String describe(JsonElement e) {
        if (e == null || e.isJsonNull()) return "null";
        if (e.isJsonObject()) return "an object";
        if (e.isJsonArray()) return "an array";
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) return "the boolean " + p.getAsBoolean();
        if (p.isNumber()) return "the number " + shorten(p.getAsString());
        return "the string \"" + shorten(p.getAsString()) + "\"";
    }

    private static String shorten(String s) {
        String t = s.length() > 24 ? s.substring(0, 24) + "…" : s;
        return dev.akguard.core.text.Untrusted.inline(t);
    }

    static String list(String... values) {
        return String.join(", ", Arrays.asList(values));
    }
}
