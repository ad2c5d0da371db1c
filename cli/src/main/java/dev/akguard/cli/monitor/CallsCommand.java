package dev.akguard.cli.monitor;

import dev.akguard.cli.common.TimeSpec;
import dev.akguard.cli.common.UserException;
import dev.akguard.console.json.MonitorJson;
import dev.akguard.core.text.Untrusted;
import dev.akguard.monitor.alibaba.CallRecordException;
import dev.akguard.monitor.calls.CallSummary;
import dev.akguard.monitor.model.CallRecord;
import dev.akguard.monitor.runtime.MonitorRuntime;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code akguard monitor calls ACCESS_KEY_ID}: what a key did, from ActionTrail. */
@Command(
        name = "calls",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Show the calls made with an AccessKey, from ActionTrail, with a summary.",
            "ActionTrail LookupEvents by EventAccessKeyId, every page, at most "
                    + "2 requests per second; newest first, then a summary: APIs called, source IPs, regions, errors. Uses the team's "
                    + "admin credentials (ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET, $HOME/.alibabacloud/credentials, an ECS or OIDC role), which need "
                    + "AliyunActionTrailReadOnlyAccess.",
            ""
        },
        footer = {
            "",
            "Times: 2026-03-02T10:00:00Z, 2026-03-02 (UTC midnight) or an age such as 24h or 7d. Default: the last 7 days.",
            "",
            "Examples:",
            "  akguard monitor calls LTAI5t... --from 7d",
            "  akguard monitor calls LTAI5t... --region cn-hangzhou --region cn-shanghai --format json"
        })
public final class CallsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Parameters(
            paramLabel = "ACCESS_KEY_ID",
            description = "The AccessKey ID (an identifier, not a secret).")
    String accessKeyId;

    @Option(
            names = "--region",
            paramLabel = "R",
            description =
                    "ActionTrail region (repeatable; default: the config's calls.regions, else cn-hangzhou).")
    List<String> regions = new ArrayList<>();

    @Option(
            names = "--from",
            paramLabel = "T",
            converter = TimeSpec.Converter.class,
            description =
                    "Start of the time range: 2026-03-02T10:00:00Z, 2026-03-02 (UTC) or an age such as 2h or 7d (default: 7 days before --to).")
    TimeSpec from;

    @Option(
            names = "--to",
            paramLabel = "T",
            converter = TimeSpec.Converter.class,
            description = "End of the time range (default: now).")
    TimeSpec to;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    String format = "table";

    private static final java.util.regex.Pattern ACCESS_KEY_ID =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9.]{7,127}");

    /** Alibaba Cloud region ids: cn-hangzhou, ap-southeast-1, cn-shanghai-finance-1. */
    private static final java.util.regex.Pattern REGION =
            java.util.regex.Pattern.compile("[a-z]{2,}(-[a-z0-9]+){1,4}");

    static void checkRegions(List<String> regions, String where) {
        for (String region : regions) {
            if (region == null || region.isBlank())
                throw new UserException(where + ": a region must not be empty (e.g. cn-hangzhou)");
            if (region.length() > 64 || !REGION.matcher(region).matches()) {
                throw new UserException(
                        where
                                + ": '"
                                + Untrusted.inline(region)
                                + "' is not a region id (e.g. cn-hangzhou, ap-southeast-1)");
            }
        }
    }

    @Override
    public Integer call() {
        OutputFormat fmt = OutputFormat.parse(format);
        // every argument is checked before the database and the admin credentials are touched
        Clock clock =
                Clock.fixed(
                        Clock.systemUTC().instant(),
                        java.time.ZoneOffset.UTC); // one "now" for --from and --to
        Instant end = to == null ? clock.instant() : to.resolveMonitored("--to", clock);
        Instant start =
                from == null
                        ? end.minus(Duration.ofDays(7))
                        : from.resolveMonitored("--from", clock);
        if (!start.isBefore(end))
            throw new UserException("--from (" + start + ") must be before --to (" + end + ")");
        String id = accessKeyId.trim();
        if (!ACCESS_KEY_ID.matcher(id).matches()) {
            throw new UserException(
                    "'"
                            + Untrusted.inline(accessKeyId)
                            + "' is not an AccessKey ID (letters and digits, e.g. LTAI5t…, or STS.…)");
        }
        checkRegions(regions, "--region");
        MonitorRuntime rt = MonitorRuntimes.open(monitor);
        List<String> r = regions.isEmpty() ? rt.config().calls().regions() : regions;
        checkRegions(r, "calls.regions in the config");
        List<CallRecord> calls;
        try {
            calls = rt.callRecordClient().lookup(id, start, end, r);
        } catch (CallRecordException | IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
        CallSummary summary = CallSummary.of(calls);
        PrintWriter out = spec.commandLine().getOut();
        if (fmt == OutputFormat.JSON) {
            out.println(Json.GSON.toJson(MonitorJson.calls(calls)));
        } else {
            out.println(
                    "Calls made with "
                            + accessKeyId
                            + " from "
                            + start
                            + " to "
                            + end
                            + " in "
                            + String.join(", ", r)
                            + ": "
                            + calls.size());
            if (!calls.isEmpty()) {
                TextTable t =
                        new TextTable(
                                "TIME",
                                "API",
                                "SERVICE",
                                "SOURCE IP",
                                "REGION",
                                "RW",
                                "ERROR",
                                "USER",
                                "USER AGENT");
                for (CallRecord c : calls) {
                    t.row(
                            c.eventTime(),
                            c.eventName(),
                            c.serviceName(),
                            c.sourceIpAddress(),
                            c.acsRegion(),
                            c.eventRW(),
                            c.errorCode(),
                            c.userName(),
                            c.userAgent());
                }
                t.print(out);
                out.println();
                out.println("Summary");
                out.println(Untrusted.inline("  APIs        " + counts(summary.apis())));
                out.println(Untrusted.inline("  Source IPs  " + counts(summary.sourceIps())));
                out.println(Untrusted.inline("  Regions     " + counts(summary.regions())));
                out.println(
                        Untrusted.inline(
                                "  Errors      "
                                        + (summary.errors().isEmpty()
                                                ? "none"
                                                : counts(summary.errors()))));
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
