package dev.akguard.cli.monitor;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code akguard monitor users list}. */
@Command(
        name = "list",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"List console users and their roles.", ""})
public final class UsersListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Override
    public Integer call() {
        var users = AccountsAccess.run(() -> AccountsAccess.open(monitor).users());
        PrintWriter out = spec.commandLine().getOut();
        if (users.isEmpty()) {
            out.println("No users. Add one with: akguard monitor users add NAME --role admin");
        } else {
            TextTable t = new TextTable("NAME", "ROLE", "CREATED", "PASSWORD CHANGED");
            for (var u : users)
                t.row(u.name(), u.role().json(), u.createdAt(), u.passwordChangedAt());
            t.print(out);
        }
        out.flush();
        return 0;
    }
}
