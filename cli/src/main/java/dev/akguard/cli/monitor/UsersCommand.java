package dev.akguard.cli.monitor;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code akguard monitor users add|list|remove|passwd}: console accounts. */
@Command(
        name = "users",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Console accounts for `akguard monitor serve`, kept in the monitor database (shared by every instance).",
            "Roles: viewer reads; responder also handles, unwhitelists and verifies; admin also applies RAM actions and manages "
                    + "channels, users and tokens. Passwords come from the terminal or stdin, never from a flag; they are stored as BCrypt hashes.",
            ""
        },
        subcommands = {
            UsersAddCommand.class,
            UsersListCommand.class,
            UsersRemoveCommand.class,
            UsersPasswdCommand.class
        })
public final class UsersCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "missing users command: add, list, remove or passwd");
    }
}
