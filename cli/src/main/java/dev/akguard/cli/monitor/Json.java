package dev.akguard.cli.monitor;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The JSON writer of the monitor's commands: pretty, nulls kept (absent values are JSON null), no HTML escaping. */
final class Json {
    static final Gson GSON = new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create();

    private Json() { }
}
