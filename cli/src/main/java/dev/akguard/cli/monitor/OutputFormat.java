package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import java.util.Locale;

/** {@code --format table|json} of the monitor's listing commands. */
enum OutputFormat {
    TABLE,
    JSON;

    static OutputFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserException("unknown --format '" + s + "': use table or json");
        }
    }
}
