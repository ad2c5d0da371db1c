package dev.akguard.cli.monitor;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.akguard.cli.common.UserException;
import dev.akguard.core.text.Untrusted;
import dev.akguard.monitor.github.GitHubException;
import dev.akguard.monitor.runtime.MonitorRuntime;
import dev.akguard.monitor.store.StoreException;
import dev.akguard.monitor.verify.AlertVerifier;
import dev.akguard.monitor.verify.SecretUnavailableException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code akguard monitor verify ALERT_ID}: re-check a leaked key against Alibaba Cloud. */
@Command(
        name = "verify",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Re-check whether a leaked pair still works (STS GetCallerIdentity).",
            "The secret is never stored: it is "
                    + "re-fetched from the recorded occurrence on GitHub (the file at its commit), re-scanned, and matched by its SHA-256. "
                    + "The result (VALID, INVALID, DISABLED or UNKNOWN, with account and ARN) is stored and recorded in the history; "
                    + "a VALID result notifies as configured (`akguard monitor notify show`).",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  akguard monitor verify 12",
            "  akguard monitor verify 12 --format json --alibaba-endpoint http://127.0.0.1:8090"
        })
public final class VerifyCommand implements Callable<Integer> {
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

    @Option(
            names = "--by",
            paramLabel = "NAME",
            description = "Who asked (default: the OS user), for the history.")
    String by;

    @Override
    public Integer call() throws InterruptedException {
        OutputFormat fmt = OutputFormat.parse(format);
        MonitorRuntime rt = MonitorRuntimes.open(monitor);
        AlertVerifier.Outcome o;
        try {
            o = rt.verifier().verify(id, MonitorOptions.actor(by));
        } catch (SecretUnavailableException | StoreException | GitHubException e) {
            throw new UserException(e.getMessage(), e);
        }
        try {
            rt.notifications().deliverDue();
        } catch (RuntimeException e) {
            spec.commandLine()
                    .getErr()
                    .println(
                            "akguard: notifications queued but not delivered yet ("
                                    + e.getMessage()
                                    + "); `akguard monitor watch` delivers them");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (fmt == OutputFormat.JSON) {
            JsonObject j = new JsonObject();
            j.addProperty("id", o.alert().id());
            j.addProperty("accessKeyId", o.alert().accessKeyId());
            j.addProperty("validity", o.result().validity().name());
            j.addProperty("accountId", o.result().accountId());
            j.addProperty("arn", o.result().arn());
            j.addProperty("identityType", o.result().identityType());
            j.addProperty("detail", o.result().detail());
            j.addProperty(
                    "source",
                    o.source().repo() + "/" + o.source().path() + "@" + o.source().commit());
            out.println(
                    new GsonBuilder()
                            .serializeNulls()
                            .setPrettyPrinting()
                            .disableHtmlEscaping()
                            .create()
                            .toJson(j));
        } else {
            out.println(
                    "Alert "
                            + o.alert().id()
                            + " ("
                            + o.alert().accessKeyId()
                            + "): "
                            + o.result().validity());
            if (o.result().accountId() != null)
                out.println(Untrusted.inline("  Account   " + o.result().accountId()));
            if (o.result().arn() != null)
                out.println(Untrusted.inline("  ARN       " + o.result().arn()));
            out.println(Untrusted.inline("  Detail    " + o.result().detail()));
            out.println(
                    Untrusted.inline(
                            "  Secret    re-fetched from "
                                    + o.source().repo()
                                    + "/"
                                    + o.source().path()
                                    + " at "
                                    + o.source().commit()));
        }
        out.flush();
        return 0;
    }
}
