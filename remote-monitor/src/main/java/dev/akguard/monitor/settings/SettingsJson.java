package dev.akguard.monitor.settings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

/**
 * Reads and writes settings classes as pretty JSON. Settings classes give every field a default, so a
 * document that omits a field (an older version, a hand-edited file) keeps the default for it.
 */
public final class SettingsJson {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private SettingsJson() { }

    public static String write(Object settings) { return GSON.toJson(settings); }

    /** Parses {@code json} into {@code type}; {@code what} names the document in the error message. */
    public static <T> T read(String json, Class<T> type, String what) {
        try {
            T value = GSON.fromJson(json, type);
            if (value == null) {
                throw new SettingsException(what + " is empty: write a JSON object, e.g. {}");
            }
            return value;
        } catch (JsonParseException | IllegalStateException e) {
            throw new SettingsException(what + " is not valid JSON for these settings: " + rootMessage(e)
                    + ". Fix the JSON or remove it to get the defaults.", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage();
    }
}
