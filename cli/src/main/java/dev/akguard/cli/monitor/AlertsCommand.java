package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.console.json.AlertExtras;
import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.Occurrence;
import dev.akguard.monitor.store.StoreException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code akguard monitor alerts}: list alerts. */
@Command(
        name = "alerts",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "List leak alerts, newest first. One alert per leaked pair (AccessKey ID + secret); secrets are shown redacted.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  akguard monitor alerts --status unhandled",
            "  akguard monitor alerts --format json | jq '.[] | select(.validity == \"VALID\") | .id'"
        })
public final class AlertsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Option(
            names = "--status",
            paramLabel = "S",
            description = "unhandled, handled, whitelisted or all (default: ${DEFAULT-VALUE}).")
    String status = "all";

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    String format = "table";

    @Override
    public Integer call() {
        OutputFormat fmt = OutputFormat.parse(format);
        AlertStatus filter = parseStatus(status);
        List<Alert> alerts;
        AlertExtras extras;
        try {
            Database db = monitor.database();
            alerts = new AlertStore(db, Clock.systemUTC()).list(filter);
            extras = new AlertExtras(db);
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (fmt == OutputFormat.JSON) {
            out.println(extras.render(alerts));
            out.flush();
            return 0;
        }
        String footer = AlertExtras.gapsFooter(extras.gaps().size());
        if (alerts.isEmpty()) {
            out.println(filter == null ? "No alerts." : "No " + filter.json() + " alerts.");
            if (footer != null) out.println(footer);
            out.flush();
            return 0;
        }
        TextTable t =
                new TextTable(
                        "ID",
                        "STATUS",
                        "METHOD",
                        "VALIDITY",
                        "ACCESS KEY ID",
                        "SECRET",
                        "SEEN",
                        "LAST SEEN",
                        "OWNER",
                        "FIRST PLACE");
        for (Alert a : alerts) {
            Occurrence first = a.occurrences().isEmpty() ? null : a.occurrences().get(0);
            t.row(
                    a.id(),
                    a.status().json(),
                    a.handlingMethod() == null ? null : a.handlingMethod().json(),
                    a.validity(),
                    a.accessKeyId(),
                    a.secretRedacted(),
                    a.occurrences().size() + "x",
                    a.lastSeen(),
                    extras.ownerLabel(a),
                    first == null ? null : first.repo() + "/" + first.path() + ":" + first.line());
        }
        t.print(out);
        if (footer != null) {
            out.println(footer);
            out.flush();
        }
        return 0;
    }

    static AlertStatus parseStatus(String s) {
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.equals("all")) return null;
        try {
            return AlertStatus.parse(v);
        } catch (IllegalArgumentException e) {
            throw new UserException(
                    "unknown --status '" + s + "': use unhandled, handled, whitelisted or all");
        }
    }
}
