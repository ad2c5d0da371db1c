package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.console.auth.PasswordHasher;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a new password from the terminal (twice, not echoed) or, without a terminal, as the first
 * line of stdin (for scripts: {@code printf '%s\n' "$PW" | akguard monitor users add ...}). Never
 * from a flag.
 */
final class PasswordInput {
    private PasswordInput() {}

    static char[] read(String user) {
        Console console = System.console();
        char[] pw;
        if (console != null) {
            pw = console.readPassword("New password for %s: ", user);
            char[] again = console.readPassword("Repeat it: ");
            if (pw == null || again == null || !java.util.Arrays.equals(pw, again))
                throw new UserException("the passwords do not match; nothing changed");
        } else {
            try {
                String line =
                        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                                .readLine();
                if (line == null)
                    throw new UserException(
                            "no password on stdin: pipe it in, or run on a terminal to be asked");
                pw = line.toCharArray();
            } catch (IOException e) {
                throw new UserException(
                        "cannot read the password from stdin: " + e.getMessage(), e);
            }
        }
        try {
            PasswordHasher.check(new String(pw));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage() + "; nothing changed");
        }
        return pw;
    }
}
