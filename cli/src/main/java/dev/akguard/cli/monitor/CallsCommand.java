package dev.akguard.cli.monitor;

import dev.akguard.console.json.MonitorJson;
import dev.akguard.cli.common.UserException;
import dev.akguard.monitor.alibaba.CallRecordException;
import dev.akguard.monitor.calls.CallSummary;
import dev.akguard.monitor.model.CallRecord;
import dev.akguard.monitor.runtime.MonitorRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code akguard monitor calls ACCESS_KEY_ID}: what a key did, from ActionTrail. */
@Command(name = "calls", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Show the calls made with an AccessKey, from ActionTrail, with a summary.", "ActionTrail LookupEvents by EventAccessKeyId, every page, at most "
            + "2 requests per second; newest first, then a summary: APIs called, source IPs, regions, errors. Uses the team's "
            + "admin credentials (ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET or ~/.alibabacloud/credentials), which need "
            + "AliyunActionTrailReadOnlyAccess.", ""},
        footer = {"", "Times: 2026-03-02T10:00:00Z, 2026-03-02 (UTC midnight) or an age such as 24h or 7d. Default: the last 7 days.",
            "", "Examples:",
            "  akguard monitor calls LTAI5t... --from 7d",
            "  akguard monitor calls LTAI5t... --region cn-hangzhou --region cn-shanghai --format json"})
public final class CallsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Parameters(paramLabel = "ACCESS_KEY_ID", description = "The AccessKey ID (an identifier, not a secret).")
    String accessKeyId;

    @Option(names = "--region", paramLabel = "R", description = "ActionTrail region (repeatable; default: the config's calls.regions, else cn-hangzhou).")
    List<String> regions = new ArrayList<>();

    @Option(names = "--from", paramLabel = "T", description = "Start of the time range (default: 7 days before --to).")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "End of the time range (default: now).")
    String to;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "table or json (default: ${DEFAULT-VALUE}).")
    String format = "table";

    @Override
    public Integer call() {
        OutputFormat fmt = OutputFormat.parse(format);
        Clock clock = Clock.systemUTC();
        Instant end = to == null ? clock.instant() : TimeArg.parse("--to", to, clock);
        Instant start = from == null ? end.minus(Duration.ofDays(7)) : TimeArg.parse("--from", from, clock);
        if (start.isAfter(end)) throw new UserException("--from (" + start + ") is after --to (" + end + ")");
        MonitorRuntime rt = MonitorRuntimes.open(monitor);
        List<String> r = regions.isEmpty() ? rt.config().calls().regions() : regions;
        List<CallRecord> calls;
        try {
            calls = rt.callRecordClient().lookup(accessKeyId.trim(), start, end, r);
        } catch (CallRecordException | IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
        CallSummary summary = CallSummary.of(calls);
        PrintWriter out = spec.commandLine().getOut();
        if (fmt == OutputFormat.JSON) {
            out.println(Json.GSON.toJson(MonitorJson.calls(calls)));
        } else {
            out.println("Calls made with " + accessKeyId + " from " + start + " to " + end + " in " + String.join(", ", r) + ": " + calls.size());
            if (!calls.isEmpty()) {
                TextTable t = new TextTable("TIME", "API", "SERVICE", "SOURCE IP", "REGION", "RW", "ERROR", "USER", "USER AGENT");
                for (CallRecord c : calls) {
                    t.row(c.eventTime(), c.eventName(), c.serviceName(), c.sourceIpAddress(), c.acsRegion(), c.eventRW(), c.errorCode(),
                            c.userName(), c.userAgent());
                }
                t.print(out);
                out.println();
                out.println("Summary");
                out.println("  APIs        " + counts(summary.apis()));
                out.println("  Source IPs  " + counts(summary.sourceIps()));
                out.println("  Regions     " + counts(summary.regions()));
                out.println("  Errors      " + (summary.errors().isEmpty() ? "none" : counts(summary.errors())));
                out.println("  First call  " + summary.first() + ", last call " + summary.last());
            }
        }
        out.flush();
        return 0;
    }

    private static String counts(Map<String, Integer> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(k + " (" + v + ")"));
        return String.join(", ", parts);
    }
}
