package dev.akguard.cli.lsp;

import dev.akguard.lsp.launch.StdioLauncher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `akguard lsp`: the language server on stdin/stdout. */
@Command(
        name = "lsp",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Run the akguard language server on stdin/stdout (Language Server Protocol, JSON-RPC).",
            "Editors start this themselves; it flags AccessKey pairs as you type, with quick fixes.",
            "Stdout carries only the protocol; logs go to stderr and to the editor's output panel.",
            "See docs/lsp.md for capabilities and settings, docs/editors/ for editor setup.",
            ""
        })
public final class LspCommand implements Callable<Integer> {
    @Option(
            names = "--stdio",
            description =
                    "Use stdin/stdout (the default and only transport; accepted because "
                            + "editor clients such as vscode-languageclient pass it).")
    boolean stdio;

    @Option(
            names = "--clientProcessId",
            hidden = true,
            description = "Ignored: the editor's process id comes from initialize.")
    Long clientProcessId;

    @Override
    public Integer call() {
        return StdioLauncher.runOnStdio();
    }
}
