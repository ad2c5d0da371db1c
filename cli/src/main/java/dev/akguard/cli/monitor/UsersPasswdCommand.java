package dev.akguard.cli.monitor;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code akguard monitor users passwd NAME}: new password (terminal or stdin); ends the user's
 * sessions.
 */
@Command(
        name = "passwd",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Set a console user's password (read from the terminal, or the first line of stdin). Open sessions of the user end.",
            ""
        })
public final class UsersPasswdCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Parameters(paramLabel = "NAME", description = "The user.")
    String name;

    @Override
    public Integer call() {
        var accounts = AccountsAccess.open(monitor);
        if (AccountsAccess.run(() -> accounts.user(name)).isEmpty()) {
            throw new dev.akguard.cli.common.UserException(
                    "no user '" + name + "' (see `akguard monitor users list`)");
        }
        char[] pw = PasswordInput.read(name);
        try {
            AccountsAccess.run(
                    () -> {
                        accounts.setPassword(name, new String(pw));
                        return null;
                    });
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
        spec.commandLine()
                .getOut()
                .println("Password of " + name + " changed; the user's sessions were ended.");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
