package dev.akguard.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `akguard completion bash|zsh`: prints a shell completion script generated from the command tree.
 */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Print a shell completion script for akguard (every command and option).",
            ""
        },
        footer = {
            "",
            "Install:",
            "  bash: akguard completion bash > ~/.local/share/bash-completion/completions/akguard",
            "  zsh:  akguard completion zsh > \"${fpath[1]}/_akguard\"   (or: source <(akguard completion zsh))"
        })
public final class CompletionCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh.")
    String shell;

    @Override
    public Integer call() {
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "unknown shell '" + shell + "': use bash or zsh");
        }
        // picocli's script serves both: under zsh it loads bashcompinit itself.
        String script = AutoComplete.bash("akguard", AkguardCommand.commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
