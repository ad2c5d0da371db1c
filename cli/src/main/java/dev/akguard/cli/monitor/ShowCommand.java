package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.console.json.AlertExtras;
import dev.akguard.core.text.Untrusted;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.AlertNotFoundException;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.HistoryEntry;
import dev.akguard.monitor.store.Occurrence;
import dev.akguard.monitor.store.StoreException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code akguard monitor show ALERT_ID}: one alert with every occurrence and its history. */
@Command(
        name = "show",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Show one alert: the key, its state, every place it was seen and who did what about it.",
            ""
        })
public final class ShowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Parameters(
            paramLabel = "ALERT_ID",
            description = "The alert's id (see `akguard monitor alerts`).")
    long id;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    String format = "table";

    @Override
    public Integer call() {
        OutputFormat fmt = OutputFormat.parse(format);
        Alert a;
        AlertExtras extras;
        try {
            Database db = monitor.database();
            a =
                    new AlertStore(db, Clock.systemUTC())
                            .find(id)
                            .orElseThrow(() -> new AlertNotFoundException(id));
            extras = new AlertExtras(db);
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (fmt == OutputFormat.JSON) {
            out.println(extras.render(List.of(a)));
            out.flush();
            return 0;
        }
        out.println(Untrusted.inline("Alert " + a.id()));
        out.println(Untrusted.inline("  AccessKey ID     " + a.accessKeyId()));
        out.println(
                Untrusted.inline(
                        "  Secret           "
                                + a.secretRedacted()
                                + "  (SHA-256 "
                                + a.secretSha256()
                                + ")"));
        out.println(
                Untrusted.inline(
                        "  Status           "
                                + a.status().json()
                                + (a.handlingMethod() == null
                                        ? ""
                                        : " (" + a.handlingMethod().label() + ")")));
        out.println(
                Untrusted.inline(
                        "  Validity         "
                                + a.validity()
                                + (a.accountId() == null ? "" : "  account " + a.accountId())));
        out.println(Untrusted.inline("  Verification     " + extras.verificationLine(a)));
        out.println(Untrusted.inline("  Owner            " + extras.ownerLine(a)));
        List<Long> anomalies = extras.anomalyIds(a);
        if (!anomalies.isEmpty())
            out.println(
                    Untrusted.inline(
                            "  Anomalies        "
                                    + anomalies.size()
                                    + " (ids "
                                    + anomalies.stream()
                                            .map(String::valueOf)
                                            .collect(java.util.stream.Collectors.joining(", "))
                                    + "; see `akguard monitor anomalies`)"));
        out.println(Untrusted.inline("  First seen       " + a.firstSeen()));
        out.println(Untrusted.inline("  Last seen        " + a.lastSeen()));
        out.println();
        out.println("Occurrences (" + a.occurrences().size() + ")");
        TextTable occ = new TextTable("SEEN AT", "REPO", "PATH", "LINE", "COMMIT", "AUTHOR", "URL");
        for (Occurrence o : a.occurrences()) {
            occ.row(
                    o.seenAt(),
                    o.repo(),
                    o.path(),
                    o.line(),
                    o.commit() == null
                            ? null
                            : o.commit().substring(0, Math.min(12, o.commit().length())),
                    o.author(),
                    o.url());
        }
        occ.print(out);
        List<dev.akguard.monitor.store.ScanGapStore.Gap> notScanned = extras.gapsFor(a);
        if (!notScanned.isEmpty()) {
            out.println();
            out.println("Not scanned in the same repositories (" + notScanned.size() + ")");
            TextTable gaps = new TextTable("REPOSITORY", "COMMIT", "PATH", "REASON");
            for (var g : notScanned)
                gaps.row(
                        g.repo(),
                        g.commit().isEmpty() ? "(all)" : g.commit(),
                        g.path().isEmpty() ? "(whole repository)" : g.path(),
                        g.reason());
            gaps.print(out);
        }
        out.println();
        out.println("History");
        TextTable hist = new TextTable("AT", "BY", "ACTION", "NOTE");
        for (HistoryEntry h : a.history()) hist.row(h.at(), h.by(), h.action(), h.note());
        hist.print(out);
        return 0;
    }
}
