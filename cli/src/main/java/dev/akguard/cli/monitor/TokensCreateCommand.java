package dev.akguard.cli.monitor;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code akguard monitor tokens create NAME --role ROLE}: prints the token alone on stdout, once.
 */
@Command(
        name = "create",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Create an API token and print it alone on stdout. It is shown only now; store it in your secret manager.",
            ""
        },
        footer = {
            "",
            "Example:",
            "  TOKEN=$(akguard monitor tokens create siem --role viewer)",
            "  curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8080/api/v1/alerts?status=unhandled"
        })
public final class TokensCreateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Parameters(
            paramLabel = "NAME",
            description =
                    "A name for the token (who uses it); history records actions as token:NAME.")
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
        String token = AccountsAccess.run(() -> AccountsAccess.open(monitor).createToken(name, r));
        spec.commandLine().getOut().println(token);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
