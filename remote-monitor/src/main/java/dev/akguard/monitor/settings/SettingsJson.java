package dev.akguard.monitor.settings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads and writes settings classes as pretty JSON. Settings classes give every field a default, so
 * a document that omits a field (an older version, a hand-edited file) keeps the default for it. A
 * field the class does not have is refused by name: a typo must not silently leave a rule on its
 * default. A value of the wrong JSON type is refused by name too (Gson alone would read {@code
 * "enabled": "yes"} as false and {@code "12"} as 12); the message never repeats the value, which
 * may be a password.
 */
public final class SettingsJson {
    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private SettingsJson() {}

    public static String write(Object settings) {
        return GSON.toJson(settings);
    }

    /** Parses {@code json} into {@code type}; {@code what} names the document in error messages. */
    public static <T> T read(String json, Class<T> type, String what) {
        try {
            JsonElement tree = JsonParser.parseString(json);
            if (tree.isJsonNull())
                throw new SettingsException(what + " is empty: write a JSON object, e.g. {}");
            if (!tree.isJsonObject())
                throw new SettingsException(what + " must hold a JSON object, e.g. {}");
            List<String> unknown = new ArrayList<>();
            List<String> mistyped = new ArrayList<>();
            check(tree.getAsJsonObject(), type, "", unknown, mistyped);
            if (!unknown.isEmpty()) {
                throw new SettingsException(
                        what
                                + ": unknown setting "
                                + String.join(", ", unknown)
                                + ". Check the spelling against the documented settings.");
            }
            if (!mistyped.isEmpty())
                throw new SettingsException(what + ": " + String.join("; ", mistyped) + ".");
            T value = GSON.fromJson(tree, type);
            if (value == null)
                throw new SettingsException(what + " is empty: write a JSON object, e.g. {}");
            return value;
        } catch (JsonParseException | IllegalStateException e) {
            throw new SettingsException(
                    what
                            + " is not valid JSON for these settings: "
                            + rootMessage(e)
                            + ". Fix the JSON or remove it to get the defaults.",
                    e);
        }
    }

    private static void check(
            JsonObject o,
            Class<?> type,
            String prefix,
            List<String> unknown,
            List<String> mistyped) {
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            Field f = field(type, e.getKey());
            String path = prefix + e.getKey();
            if (f == null) {
                unknown.add(
                        "'" + path + "' (known here: " + String.join(", ", fieldNames(type)) + ")");
                continue;
            }
            JsonElement v = e.getValue();
            if (v.isJsonNull()) continue;
            Type generic = f.getGenericType();
            if (List.class.isAssignableFrom(f.getType())) {
                if (!v.isJsonArray()) {
                    mistyped.add("'" + path + "' must be a list (found " + kind(v) + ")");
                    continue;
                }
                Type element =
                        generic instanceof ParameterizedType p
                                ? p.getActualTypeArguments()[0]
                                : Object.class;
                int i = 0;
                for (JsonElement item : v.getAsJsonArray()) {
                    checkValue(item, element, path + "[" + i + "]", unknown, mistyped);
                    i++;
                }
            } else {
                checkValue(v, generic, path, unknown, mistyped);
            }
        }
    }

    private static void checkValue(
            JsonElement v, Type t, String path, List<String> unknown, List<String> mistyped) {
        if (v.isJsonNull() || !(t instanceof Class<?> c)) return;
        String expected = null;
        if (c == boolean.class || c == Boolean.class) {
            if (!(v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean()))
                expected = "true or false";
        } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            if (!(v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber())
                    || !isIntegral(v, c == int.class || c == Integer.class)) {
                expected =
                        "a whole number"
                                + (c == int.class || c == Integer.class
                                        ? " up to " + Integer.MAX_VALUE
                                        : "");
            }
        } else if (c == double.class || c == Double.class) {
            if (!(v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber())) expected = "a number";
        } else if (c == String.class) {
            if (!(v.isJsonPrimitive() && v.getAsJsonPrimitive().isString())) expected = "a string";
        } else if (c.isEnum()) {
            if (!(v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()))
                expected = "one of " + java.util.Arrays.toString(c.getEnumConstants());
        } else if (settingsClass(c) != null) {
            if (!v.isJsonObject()) expected = "an object";
            else check(v.getAsJsonObject(), c, path + ".", unknown, mistyped);
        }
        if (expected != null)
            mistyped.add("'" + path + "' must be " + expected + " (found " + kind(v) + ")");
    }

    private static boolean isIntegral(JsonElement v, boolean asInt) {
        try {
            java.math.BigDecimal d = v.getAsBigDecimal();
            if (d.stripTrailingZeros().scale() > 0) return false;
            java.math.BigInteger i = d.toBigIntegerExact();
            return asInt ? i.bitLength() < 32 : i.bitLength() < 64;
        } catch (ArithmeticException | NumberFormatException e) {
            return false;
        }
    }

    private static String kind(JsonElement v) {
        if (v.isJsonArray()) return "a list";
        if (v.isJsonObject()) return "an object";
        if (v.isJsonPrimitive()) {
            var p = v.getAsJsonPrimitive();
            return p.isBoolean() ? "true/false" : p.isNumber() ? "a number" : "a string";
        }
        return "null";
    }

    /**
     * The settings class a field holds (directly or as list elements), or null for plain values.
     */
    private static Class<?> settingsClass(Type t) {
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length == 1)
            t = p.getActualTypeArguments()[0];
        return t instanceof Class<?> c && !c.isEnum() && c.getName().startsWith("dev.akguard.")
                ? c
                : null;
    }

    private static Field field(Class<?> type, String name) {
        for (Field f : type.getFields()) {
            if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) return f;
        }
        return null;
    }

    private static TreeSet<String> fieldNames(Class<?> type) {
        TreeSet<String> names = new TreeSet<>();
        for (Field f : type.getFields())
            if (!Modifier.isStatic(f.getModifiers())) names.add(f.getName());
        return names;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage();
    }
}
