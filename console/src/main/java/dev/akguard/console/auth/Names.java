package dev.akguard.console.auth;

import java.util.regex.Pattern;

/** User and token names: short, printable, safe in logs, history and URLs. */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private Names() {}

    /**
     * @throws IllegalArgumentException saying what a name may contain
     */
    public static String check(String kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "invalid "
                            + kind
                            + " name '"
                            + (name == null ? "" : name.replaceAll("\\p{Cntrl}", "?"))
                            + "': use 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        return name;
    }
}
