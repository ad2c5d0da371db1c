package dev.akguard.cli.git;

import dev.akguard.cli.common.EngineOptions;
import dev.akguard.cli.common.ReportingOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `akguard hook pre-commit`: what the installed pre-commit hook (or the pre-commit framework) runs.
 */
@Command(
        name = "pre-commit",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Check the staged changes (the index against HEAD) for credentials the",
            "commit would add. Reads staged content, not the work tree, so a partially",
            "staged file is judged by what will be committed.",
            ""
        },
        footer = {
            "",
            "Bypass once: git commit --no-verify. Exit codes: 0 clean, 1 blocked, 2 error."
        })
public final class PreCommitCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /**
     * The pre-commit framework passes file names; the index already says what is staged, so they
     * are ignored.
     */
    @Parameters(arity = "0..*", paramLabel = "FILE", hidden = true)
    List<String> ignoredFiles = new ArrayList<>();

    @Mixin RepoOption repoOption;

    @Mixin ReportingOptions reporting;

    @Mixin EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        return HookChecks.preCommit(
                repoOption.repo, reporting, engineOptions, System.out, spec.commandLine().getErr());
    }
}
