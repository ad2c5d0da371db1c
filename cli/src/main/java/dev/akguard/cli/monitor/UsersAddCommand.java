package dev.akguard.cli.monitor;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code akguard monitor users add NAME --role ROLE}: a console account; the password is asked for.
 */
@Command(
        name = "add",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Add a console user. The password (at least 10 characters) is read from the terminal, or from the first line of stdin.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  akguard monitor users add alice --role admin",
            "  printf '%s\\n' \"$PW\" | akguard monitor users add ci-viewer --role viewer --db jdbc:postgresql://db/akguard"
        })
public final class UsersAddCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Parameters(
            paramLabel = "NAME",
            description = "User name (letters, digits, '.', '_', '@', '-').")
    String name;

    @Option(
            names = "--role",
            required = true,
            paramLabel = "ROLE",
            description = "viewer, responder or admin.")
    String role;

    @Override
    public Integer call() {
        var r = AccountsAccess.role(role);
        var accounts = AccountsAccess.open(monitor);
        char[] pw = PasswordInput.read(name);
        try {
            AccountsAccess.run(
                    () -> {
                        accounts.addUser(name, r, new String(pw));
                        return null;
                    });
        } finally {
            java.util.Arrays.fill(pw, '\0');
        }
        spec.commandLine().getOut().println("User " + name + " added (" + r.json() + ").");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
