package dev.akguard.cli.git;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** `akguard hook ...`: install, remove and run the git hooks. */
@Command(
        name = "hook",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Git hooks that stop AccessKeys before they leave your machine.", ""},
        subcommands = {
            HookInstallCommand.class,
            HookUninstallCommand.class,
            PrePushCommand.class,
            PreCommitCommand.class,
            PreReceiveCommand.class,
            HookServerCommand.class
        },
        footer = {
            "",
            "Examples:",
            "  akguard hook install                           pre-push hook here",
            "  akguard hook install --pre-push --pre-commit   both hooks",
            "  akguard hook uninstall                         remove them, restore chained hooks",
            "  akguard hook install --pre-receive --repo /srv/git/app.git   server side: refuse pushes with keys",
            "  akguard hook server --status                   the warm JVM that answers hooks fast",
            "",
            "Docs: docs/git-hooks.md"
        })
public final class HookCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "missing subcommand: install, uninstall, pre-push, pre-commit, pre-receive or server");
    }
}
