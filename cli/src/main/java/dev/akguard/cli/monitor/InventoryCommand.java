package dev.akguard.cli.monitor;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.akguard.monitor.act.KeyOwner;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code akguard monitor inventory [sync]}: the account's RAM users and keys, so alerts say whether
 * a key is ours.
 */
@Command(
        name = "inventory",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "The AccessKeys of the team's own account (RAM users' keys): owner, status, last use.",
            "As last synced from RAM. "
                    + "`alerts` and `show` use it to say whether a leaked key is ours and whose. Update it with `inventory sync`.",
            ""
        },
        subcommands = {InventorySyncCommand.class})
public final class InventoryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    String format = "table";

    @Override
    public Integer call() {
        OutputFormat fmt = OutputFormat.parse(format);
        print(
                MonitorRuntimes.open(monitor).inventory().all().values(),
                fmt,
                spec.commandLine().getOut());
        return 0;
    }

    static void print(Collection<KeyOwner> keys, OutputFormat fmt, PrintWriter out) {
        if (fmt == OutputFormat.JSON) {
            JsonArray arr = new JsonArray();
            for (KeyOwner k : keys) arr.add(json(k));
            out.println(Json.GSON.toJson(arr));
        } else if (keys.isEmpty()) {
            out.println("The inventory is empty: run `akguard monitor inventory sync`.");
        } else {
            TextTable t =
                    new TextTable(
                            "ACCESS KEY ID", "USER", "STATUS", "CREATED", "LAST USED", "SYNCED");
            for (KeyOwner k : keys)
                t.row(
                        k.accessKeyId(),
                        k.userName(),
                        k.status(),
                        k.createdAt(),
                        k.lastUsed() == null ? "never" : k.lastUsed(),
                        k.syncedAt());
            t.print(out);
        }
        out.flush();
    }

    static JsonObject json(KeyOwner k) {
        JsonObject o = new JsonObject();
        o.addProperty("accessKeyId", k.accessKeyId());
        o.addProperty("userName", k.userName());
        o.addProperty("userId", k.userId());
        o.addProperty("status", k.status());
        o.addProperty("createdAt", k.createdAt() == null ? null : k.createdAt().toString());
        o.addProperty("lastUsed", k.lastUsed() == null ? null : k.lastUsed().toString());
        o.addProperty("syncedAt", k.syncedAt() == null ? null : k.syncedAt().toString());
        return o;
    }
}
