package dev.akguard.cli.monitor;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code akguard monitor tokens create|list|revoke}: REST API bearer tokens. */
@Command(
        name = "tokens",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Bearer tokens for the REST API of `akguard monitor serve` (Authorization: Bearer TOKEN). A token is printed once "
                    + "when created and stored only as its SHA-256; it carries a role like a user.",
            ""
        },
        subcommands = {
            TokensCreateCommand.class,
            TokensListCommand.class,
            TokensRevokeCommand.class
        })
public final class TokensCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "missing tokens command: create, list or revoke");
    }
}
