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
 * Reads and writes settings classes as pretty JSON. Settings classes give every field a default, so a
 * document that omits a field (an older version, a hand-edited file) keeps the default for it. A field
 * the class does not have is refused by name: a typo must not silently leave a rule on its default.
 */
public final class SettingsJson {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private SettingsJson() { }

    public static String write(Object settings) { return GSON.toJson(settings); }

    /** Parses {@code json} into {@code type}; {@code what} names the document in error messages. */
    public static <T> T read(String json, Class<T> type, String what) {
        try {
            JsonElement tree = JsonParser.parseString(json);
            if (tree.isJsonNull()) throw new SettingsException(what + " is empty: write a JSON object, e.g. {}");
            List<String> unknown = new ArrayList<>();
            if (tree.isJsonObject()) unknownFields(tree.getAsJsonObject(), type, "", unknown);
            if (!unknown.isEmpty()) {
                throw new SettingsException(what + ": unknown setting " + String.join(", ", unknown)
                        + ". Check the spelling against the documented settings.");
            }
            T value = GSON.fromJson(tree, type);
            if (value == null) throw new SettingsException(what + " is empty: write a JSON object, e.g. {}");
            return value;
        } catch (JsonParseException | IllegalStateException e) {
            throw new SettingsException(what + " is not valid JSON for these settings: " + rootMessage(e)
                    + ". Fix the JSON or remove it to get the defaults.", e);
        }
    }

    private static void unknownFields(JsonObject o, Class<?> type, String prefix, List<String> out) {
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            Field f = field(type, e.getKey());
            if (f == null) {
                out.add("'" + prefix + e.getKey() + "' (known here: " + String.join(", ", fieldNames(type)) + ")");
                continue;
            }
            Class<?> nested = settingsClass(f.getGenericType());
            if (nested == null || e.getValue().isJsonNull()) continue;
            String path = prefix + e.getKey();
            if (e.getValue().isJsonObject()) {
                unknownFields(e.getValue().getAsJsonObject(), nested, path + ".", out);
            } else if (e.getValue().isJsonArray()) {
                int i = 0;
                for (JsonElement item : e.getValue().getAsJsonArray()) {
                    if (item.isJsonObject()) unknownFields(item.getAsJsonObject(), nested, path + "[" + i + "].", out);
                    i++;
                }
            }
        }
    }

    /** The settings class a field holds (directly or as list elements), or null for plain values. */
    private static Class<?> settingsClass(Type t) {
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) t = p.getActualTypeArguments()[0];
        return t instanceof Class<?> c && !c.isEnum() && c.getName().startsWith("dev.akguard.") ? c : null;
    }

    private static Field field(Class<?> type, String name) {
        for (Field f : type.getFields()) {
            if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) return f;
        }
        return null;
    }

    private static TreeSet<String> fieldNames(Class<?> type) {
        TreeSet<String> names = new TreeSet<>();
        for (Field f : type.getFields()) if (!Modifier.isStatic(f.getModifiers())) names.add(f.getName());
        return names;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage();
    }
}
