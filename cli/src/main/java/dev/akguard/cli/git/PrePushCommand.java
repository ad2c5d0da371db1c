package dev.akguard.cli.git;

import dev.akguard.cli.common.EngineOptions;
import dev.akguard.cli.common.ReportingOptions;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `akguard hook pre-push REMOTE URL`: what the installed pre-push hook runs. */
@Command(
        name = "pre-push",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Check the commits a push would send. Git's pre-push hook calls this and",
            "passes the refs being pushed on standard input.",
            "Every pushed commit is checked for the lines it adds, so a key that a later",
            "commit deletes still blocks. Exits 1 and explains the fix when a commit adds",
            "a credential.",
            ""
        },
        footer = {
            "",
            "Bypass once: git push --no-verify. Exit codes: 0 clean, 1 blocked, 2 error."
        })
public final class PrePushCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "REMOTE",
            description = "Remote name (or URL) git pushes to.")
    String remote;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "URL",
            description = "The remote's URL (informational).")
    String url;

    @Mixin RepoOption repoOption;

    @Mixin ReportingOptions reporting;

    @Mixin EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        return HookChecks.prePush(
                repoOption.repo,
                remote,
                reporting,
                engineOptions,
                System.in,
                System.out,
                spec.commandLine().getErr());
    }
}
