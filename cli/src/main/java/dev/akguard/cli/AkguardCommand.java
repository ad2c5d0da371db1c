package dev.akguard.cli;

import dev.akguard.cli.common.ErrorHandler;
import dev.akguard.cli.scan.BaselineCommand;
import dev.akguard.cli.scan.ScanCommand;
import dev.akguard.core.report.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: `akguard`. Each subcommand is its own class. */
@Command(
        name = "akguard",
        mixinStandardHelpOptions = true,
        versionProvider = AkguardCommand.VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Finds leaked Alibaba Cloud AccessKey pairs before and after they leave your machine: "
                    + "in files, in git history and hooks, in your editor, and on public GitHub.",
            ""
        },
        footer = {
            "",
            "Exit codes: 0 nothing found, 1 findings, 2 usage or fatal error.",
            "Docs: docs/ in the akguard repository; rules: docs/rules/."
        },
        subcommands = {CommandLine.HelpCommand.class})
public final class AkguardCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "missing command: try `akguard scan .` or `akguard --help`");
    }

    /**
     * Every subcommand, by name. picocli reflects over a command's whole tree when it is
     * registered, which costs hundreds of milliseconds for the monitor's commands alone, so a run
     * registers only the subcommand it executes; root help, typos and `help` get the full tree.
     */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("scan", ScanCommand::new);
        SUBCOMMANDS.put("baseline", BaselineCommand::new);
        SUBCOMMANDS.put("lsp", dev.akguard.cli.lsp.LspCommand::new);
        SUBCOMMANDS.put("scan-history", dev.akguard.cli.git.ScanHistoryCommand::new);
        SUBCOMMANDS.put("hook", dev.akguard.cli.git.HookCommand::new);
        SUBCOMMANDS.put("monitor", dev.akguard.cli.monitor.MonitorCommand::new);
        SUBCOMMANDS.put("completion", CompletionCommand::new);
    }

    /** The command line with every subcommand (for help output and tests). */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for {@code args}: only the subcommand named by the first argument, when
     * there is one.
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new AkguardCommand());
        Supplier<Object> only = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        boolean versionOnly =
                args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        if (only != null) {
            cl.addSubcommand(args[0], only.get());
        } else if (!versionOnly) {
            SUBCOMMANDS.forEach((name, factory) -> cl.addSubcommand(name, factory.get()));
        }
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setExitCodeExceptionMapper(e -> 2);
        cl.setParameterExceptionHandler(
                (ex, a) -> {
                    CommandLine c = ex.getCommandLine();
                    c.getErr().println("akguard: " + ex.getMessage());
                    if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr())) {
                        c.getErr()
                                .println(
                                        "Run `"
                                                + c.getCommandSpec().qualifiedName()
                                                + " --help` for usage.");
                    }
                    return 2;
                });
        return cl;
    }

    /** Prints the build's version. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "akguard " + Version.get(), "Java " + System.getProperty("java.version")
            };
        }
    }
}
