package dev.akguard.cli.git;

import dev.akguard.cli.common.EngineOptions;
import dev.akguard.cli.common.ReportingOptions;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `akguard hook pre-receive`: what a git server's pre-receive hook runs. */
@Command(
        name = "pre-receive",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Server side: check every commit a push brings that no existing ref already has.",
            "Git's pre-receive hook calls this in the bare repository and passes '<old> <new> <ref>'",
            "lines on standard input; it works inside git's quarantine environment.",
            "Config and baseline: .akguard.json and .akguard-baseline.json in the repository",
            "folder, or --config / --baseline. Rejects the whole push (exit 1) when a commit",
            "adds a credential.",
            ""
        },
        footer = {
            "",
            "Install: akguard hook install --pre-receive --repo BARE_REPO. Exit codes: 0 accepted, 1 rejected, 2 error.",
            "Docs: docs/git-hooks.md"
        })
public final class PreReceiveCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RepoOption repoOption;

    @Mixin ReportingOptions reporting;

    @Mixin EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        return HookChecks.preReceive(
                repoOption.repo,
                reporting,
                engineOptions,
                System.in,
                System.out,
                spec.commandLine().getErr());
    }
}
