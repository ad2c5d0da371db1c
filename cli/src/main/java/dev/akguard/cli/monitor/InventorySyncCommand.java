package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.monitor.act.KeyOwner;
import dev.akguard.monitor.alibaba.RamAdminException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code akguard monitor inventory sync}: RAM ListUsers, ListAccessKeys, GetAccessKeyLastUsed into
 * the store.
 */
@Command(
        name = "sync",
        usageHelpAutoWidth = true,
        description = {
            "List every RAM user's AccessKeys with their last use (RAM ListUsers, ListAccessKeys, GetAccessKeyLastUsed) "
                    + "using the team's admin credentials (AliyunRAMReadOnlyAccess is enough), and replace the stored inventory.",
            ""
        })
public final class InventorySyncCommand implements Callable<Integer> {
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
        List<KeyOwner> keys;
        try {
            keys = MonitorRuntimes.open(monitor).inventorySync().sync();
        } catch (RamAdminException e) {
            throw new UserException(e.getMessage(), e);
        }
        if (fmt == OutputFormat.TABLE)
            spec.commandLine()
                    .getErr()
                    .println("akguard: synced " + keys.size() + " AccessKey(s) from RAM");
        InventoryCommand.print(keys, fmt, spec.commandLine().getOut());
        return 0;
    }
}
