package dev.akguard.cli.monitor;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code akguard monitor tokens revoke NAME}: the token stops working at once. */
@Command(
        name = "revoke",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Revoke an API token; it stops working at once.", ""})
public final class TokensRevokeCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Parameters(paramLabel = "NAME", description = "The token's name (see `tokens list`).")
    String name;

    @Override
    public Integer call() {
        AccountsAccess.run(
                () -> {
                    AccountsAccess.open(monitor).revokeToken(name);
                    return null;
                });
        spec.commandLine().getOut().println("Token " + name + " revoked.");
        spec.commandLine().getOut().flush();
        return 0;
    }
}
