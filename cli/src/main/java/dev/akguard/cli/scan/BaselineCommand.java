package dev.akguard.cli.scan;

import dev.akguard.cli.common.EngineOptions;
import dev.akguard.cli.common.UserException;
import dev.akguard.core.Engine;
import dev.akguard.core.ScanRunner;
import dev.akguard.core.ScanSettings;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.suppress.Baseline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `akguard baseline create|update`: record the findings a project accepts. */
@Command(
        name = "baseline",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Write the baseline of accepted findings. A baseline entry is keyed by fingerprint (rule + SHA-256 "
                    + "of the AccessKey ID and secret), so it follows the key through edits and moves and never stores the "
                    + "secret. Every surface (scan, hooks, editor) honours it. Commit the file.",
            ""
        },
        subcommands = {
            BaselineCommand.Create.class,
            BaselineCommand.Update.class,
            BaselineEntryCommand.Add.class,
            BaselineEntryCommand.Remove.class
        })
public final class BaselineCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(), "missing subcommand: create, update, add or remove");
    }

    /** Options shared by create and update. */
    abstract static class Base implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(
                paramLabel = "PATH",
                arity = "0..1",
                description = "Folder to scan (default: .).")
        Path root = Path.of(".");

        @Mixin EngineOptions engineOptions;

        @Option(
                names = "--note",
                paramLabel = "TEXT",
                description = "Why these findings are accepted (stored with new entries).")
        String note;

        abstract Baseline next(Baseline current, List<Finding> findings);

        /** False when the command replaces the baseline: then a corrupt one must not stop it. */
        boolean readsCurrent() {
            return true;
        }

        @Override
        public Integer call() throws Exception {
            if (!Files.isDirectory(root)) throw new UserException("not a folder: " + root);
            ScanSettings settings = engineOptions.settingsWithoutBaseline(root);
            Path file =
                    engineOptions.baseline != null
                            ? engineOptions.baseline
                            : settings.baselineFile();
            Baseline current =
                    readsCurrent() && Files.isRegularFile(file)
                            ? Baseline.load(file)
                            : Baseline.EMPTY;
            Engine engine = Engine.create(settings).withoutBaseline();
            ScanRunner.Result r =
                    new ScanRunner(engine, engineOptions.threads(), false, true)
                            .run(List.of(root), root, new ScanRunner.Progress());
            Baseline next = next(current, r.findings());
            next.save(file);
            spec.commandLine()
                    .getErr()
                    .printf(
                            "akguard: wrote %s with %d %s (%d findings in this scan)%n",
                            file,
                            next.size(),
                            next.size() == 1 ? "entry" : "entries",
                            r.findings().size());
            return 0;
        }
    }

    /** Starts a baseline from the current findings, replacing any existing one. */
    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Create (or replace) the baseline with every current finding.")
    static final class Create extends Base {
        @Override
        Baseline next(Baseline current, List<Finding> findings) {
            return Baseline.EMPTY.plus(findings, note);
        }

        @Override
        boolean readsCurrent() {
            return false;
        }
    }

    /** Adds new findings, keeps accepted ones that are still present, drops the rest. */
    @Command(
            name = "update",
            mixinStandardHelpOptions = true,
            description = "Add new findings to the baseline and drop entries that no longer occur.")
    static final class Update extends Base {
        @Override
        Baseline next(Baseline current, List<Finding> findings) {
            return current.retainOnly(findings).plus(findings, note);
        }
    }
}
