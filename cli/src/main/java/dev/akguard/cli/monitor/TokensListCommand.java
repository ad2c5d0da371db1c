package dev.akguard.cli.monitor;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code akguard monitor tokens list}: names, roles and last use (never the tokens). */
@Command(
        name = "list",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"List API tokens: name, role, created, last used.", ""})
public final class TokensListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Override
    public Integer call() {
        var tokens = AccountsAccess.run(() -> AccountsAccess.open(monitor).tokens());
        PrintWriter out = spec.commandLine().getOut();
        if (tokens.isEmpty()) {
            out.println(
                    "No API tokens. Create one with: akguard monitor tokens create NAME --role viewer");
        } else {
            TextTable t = new TextTable("NAME", "ROLE", "CREATED", "LAST USED");
            for (var k : tokens)
                t.row(
                        k.name(),
                        k.role().json(),
                        k.createdAt(),
                        k.lastUsedAt() == null ? "never" : k.lastUsedAt());
            t.print(out);
        }
        out.flush();
        return 0;
    }
}
