package dev.akguard.cli.monitor;

import dev.akguard.cli.common.TimeSpec;
import dev.akguard.cli.common.UserException;
import dev.akguard.console.json.MonitorJson;
import dev.akguard.monitor.alibaba.CallRecordException;
import dev.akguard.monitor.calls.StoredAnomaly;
import dev.akguard.monitor.runtime.MonitorRuntime;
import dev.akguard.monitor.settings.SettingsException;
import dev.akguard.monitor.store.StoreException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code akguard monitor anomalies}: abnormal calls found in the leaked keys' call records. */
@Command(
        name = "anomalies",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "List anomalies: abnormal calls made with leaked keys.",
            "The rules (docs/monitor/anomalies.md) run over the call records of leaked "
                    + "keys. `monitor watch` fetches the calls of every VALID open leak and raises anomalies each cycle; --refresh does it now. "
                    + "Each anomaly is an alert of its own: it notifies like a leak and is handled with `anomalies handle`.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  akguard monitor anomalies --since 24h",
            "  akguard monitor anomalies --refresh --format json",
            "  akguard monitor anomalies handle 3 --method whitelist --note \"our CI runner\""
        },
        subcommands = {AnomalyHandleCommand.class, AnomalyUnwhitelistCommand.class})
public final class AnomaliesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Option(
            names = "--since",
            paramLabel = "T",
            converter = TimeSpec.Converter.class,
            description =
                    "Only anomalies triggered at or after T (2026-03-02T10:00:00Z, 2026-03-02 in UTC, 24h, 7d).")
    TimeSpec since;

    @Option(
            names = "--refresh",
            description =
                    "First fetch the calls of every VALID open leak (admin credentials needed), run the "
                            + "rules and deliver due notifications.")
    boolean refresh;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    String format = "table";

    @Override
    public Integer call() {
        OutputFormat fmt = OutputFormat.parse(format);
        Clock clock = Clock.systemUTC();
        Instant from = since == null ? null : since.resolveMonitored("--since", clock);
        MonitorRuntime rt = MonitorRuntimes.open(monitor);
        List<StoredAnomaly> anomalies;
        try {
            if (refresh) {
                rt.callTracker().refresh();
                rt.anomalyRaiser().raiseNew();
                rt.notifications().deliverDue();
            }
            anomalies = rt.anomalyRaiser().store().list(from);
        } catch (CallRecordException | SettingsException | StoreException e) {
            throw new UserException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (fmt == OutputFormat.JSON) {
            out.println(Json.GSON.toJson(MonitorJson.anomalies(anomalies)));
        } else if (anomalies.isEmpty()) {
            out.println(since == null ? "No anomalies." : "No anomalies since " + from + ".");
        } else {
            TextTable t =
                    new TextTable("ID", "STATUS", "TYPE", "ACCESS KEY ID", "AT", "ALERT", "DETAIL");
            for (StoredAnomaly s : anomalies) {
                t.row(
                        s.id(),
                        s.status().json(),
                        s.anomaly().type(),
                        s.anomaly().accessKeyId(),
                        s.anomaly().at(),
                        s.alertId(),
                        s.anomaly().detail());
            }
            t.print(out);
        }
        out.flush();
        return 0;
    }
}
