package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.console.json.MonitorJson;
import dev.akguard.monitor.notify.outbox.InboxMessage;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code akguard monitor inbox}: the notifications kept in the database, newest first. */
@Command(
        name = "inbox",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "List the inbox: every notification the inbox channel received (on by default), newest first.",
            ""
        })
public final class InboxCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    String format = "table";

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "At most N messages (default: ${DEFAULT-VALUE}).")
    int limit = 100;

    @Override
    public Integer call() {
        OutputFormat fmt = OutputFormat.parse(format);
        if (limit < 1) throw new UserException("--limit must be at least 1");
        List<InboxMessage> messages;
        try {
            messages = MonitorRuntimes.open(monitor).notifications().inbox(limit);
        } catch (RuntimeException e) {
            if (e instanceof UserException) throw e;
            throw new UserException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (fmt == OutputFormat.JSON) {
            out.println(Json.GSON.toJson(MonitorJson.inbox(messages)));
        } else if (messages.isEmpty()) {
            out.println("The inbox is empty.");
        } else {
            TextTable t = new TextTable("AT", "ALERT", "TITLE");
            for (InboxMessage m : messages) t.row(m.at(), m.alertId(), m.title());
            t.print(out);
        }
        out.flush();
        return 0;
    }
}
