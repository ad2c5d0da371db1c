package dev.akguard.cli.monitor;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code akguard monitor}: the remote monitor. Each subcommand is its own class with the shared
 * {@link MonitorOptions} mixin; add new ones to the {@code subcommands} list.
 */
@Command(
        name = "monitor",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Watch public GitHub for leaked AccessKey pairs and track each leak until it is handled. "
                    + "State lives in a database (--db): an SQLite file by default, PostgreSQL for teams.",
            ""
        },
        subcommands = {
            WatchCommand.class,
            AlertsCommand.class,
            ShowCommand.class,
            HandleCommand.class,
            UnwhitelistCommand.class,
            VerifyCommand.class,
            CallsCommand.class,
            AnomaliesCommand.class,
            NotifyCommand.class,
            InboxCommand.class,
            InventoryCommand.class,
            NotScannedCommand.class,
            ServeCommand.class,
            UsersCommand.class,
            TokensCommand.class,
        })
public final class MonitorCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "missing monitor command: try `akguard monitor watch --once --public-events`");
    }
}
