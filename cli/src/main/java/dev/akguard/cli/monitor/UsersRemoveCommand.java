package dev.akguard.cli.monitor;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code akguard monitor users remove NAME}: also ends the user's sessions. */
@Command(
        name = "remove",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Remove a console user; the user's open sessions end at once. History keeps the name.",
            ""
        })
public final class UsersRemoveCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Parameters(paramLabel = "NAME", description = "The user to remove.")
    String name;

    @Override
    public Integer call() {
        AccountsAccess.run(
                () -> {
                    AccountsAccess.open(monitor).removeUser(name);
                    return null;
                });
        spec.commandLine().getOut().println("User " + name + " removed.");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
