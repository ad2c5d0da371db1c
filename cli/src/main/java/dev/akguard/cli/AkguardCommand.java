package dev.akguard.cli;

import dev.akguard.cli.common.ErrorHandler;
import dev.akguard.cli.scan.BaselineCommand;
import dev.akguard.cli.scan.ScanCommand;
import dev.akguard.core.report.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: `akguard`. Each subcommand is its own class. */
@Command(name = "akguard",
        mixinStandardHelpOptions = true,
        versionProvider = AkguardCommand.VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Finds leaked Alibaba Cloud AccessKey pairs before and after they leave your machine: "
            + "in files, in git history and hooks, in your editor, and on public GitHub.", ""},
        footer = {"", "Exit codes: 0 nothing found, 1 findings, 2 usage or fatal error.",
            "Docs: docs/ in the akguard repository; rules: docs/rules/."},
        subcommands = {
            ScanCommand.class,
            BaselineCommand.class,
            dev.akguard.cli.lsp.LspCommand.class,
            dev.akguard.cli.git.ScanHistoryCommand.class,
            dev.akguard.cli.git.HookCommand.class,
            dev.akguard.cli.monitor.MonitorCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class AkguardCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: try `akguard scan .` or `akguard --help`");
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AkguardCommand());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setExitCodeExceptionMapper(e -> 2);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("akguard: " + ex.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr())) {
                c.getErr().println("Run `" + c.getCommandSpec().qualifiedName() + " --help` for usage.");
            }
            return 2;
        });
        return cl;
    }

    /** Prints the build's version. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"akguard " + Version.get(), "Java " + System.getProperty("java.version")};
        }
    }
}
