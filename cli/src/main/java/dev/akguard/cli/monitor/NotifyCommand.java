package dev.akguard.cli.monitor;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code akguard monitor notify show|set|test}: who is told about leaks and anomalies, and how. */
@Command(
        name = "notify",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Notification channels (inbox, email, webhooks), recipients and policy.",
            "Settings live in the monitor "
                    + "database, shared by every instance using it. Passwords and signing secrets never go on the command line: name "
                    + "an environment variable, or load them from a settings file with `notify set --from-file`.",
            ""
        },
        subcommands = {NotifyShowCommand.class, NotifySetCommand.class, NotifyTestCommand.class})
public final class NotifyCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "missing notify command: show, set or test");
    }
}
