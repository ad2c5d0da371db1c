package dev.akguard.cli.monitor;

import com.google.gson.Gson;
import dev.akguard.console.json.MonitorJson;

/**
 * The JSON writer of the monitor's commands: the same as the REST API's ({@link MonitorJson#GSON}).
 */
final class Json {
    static final Gson GSON = MonitorJson.GSON;

    private Json() {}
}
