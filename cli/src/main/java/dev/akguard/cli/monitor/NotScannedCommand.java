package dev.akguard.cli.monitor;

import com.google.gson.JsonArray;
import dev.akguard.cli.common.UserException;
import dev.akguard.console.json.AlertExtras;
import dev.akguard.monitor.store.ScanGapStore;
import dev.akguard.monitor.store.StoreException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code akguard monitor not-scanned}: published content the watcher could not (fully) scan, newest
 * first.
 */
@Command(
        name = "not-scanned",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "List what was published but not (fully) scanned: files beyond the size limit (watch.maxFileBytes), "
                    + "repositories too big or too slow to clone (watch.clone.*). \"Not scanned\" is not \"clean\": check these by hand, "
                    + "e.g. with `akguard scan-history` on a clone, or raise the limits.",
            ""
        })
public final class NotScannedCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    String format = "table";

    @Option(names = "--repo", paramLabel = "OWNER/NAME", description = "Only this repository.")
    String repo;

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "At most N records (default: ${DEFAULT-VALUE}).")
    int limit = 100;

    @Override
    public Integer call() {
        OutputFormat fmt = OutputFormat.parse(format);
        if (limit < 1) throw new UserException("--limit must be at least 1");
        List<ScanGapStore.Gap> gaps;
        try {
            gaps = new ScanGapStore(monitor.database()).list(repo, limit);
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (fmt == OutputFormat.JSON) {
            JsonArray arr = new JsonArray();
            for (ScanGapStore.Gap g : gaps) arr.add(AlertExtras.gapJson(g));
            out.println(Json.GSON.toJson(arr));
        } else if (gaps.isEmpty()) {
            out.println("Everything published so far was scanned.");
        } else {
            TextTable t = new TextTable("RECORDED", "REPOSITORY", "COMMIT", "PATH", "REASON");
            for (ScanGapStore.Gap g : gaps)
                t.row(
                        g.recordedAt(),
                        g.repo(),
                        g.commit().isEmpty() ? "(all)" : g.commit(),
                        g.path().isEmpty() ? "(whole repository)" : g.path(),
                        g.reason());
            t.print(out);
        }
        out.flush();
        return 0;
    }
}
