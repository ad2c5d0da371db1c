package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.core.Engine;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubClient;
import dev.akguard.monitor.github.GitHubException;
import dev.akguard.monitor.retry.Sleeper;
import dev.akguard.monitor.runtime.AfterCycle;
import dev.akguard.monitor.runtime.WatchLoop;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.StoreException;
import dev.akguard.monitor.store.WorkStore;
import dev.akguard.monitor.watch.CycleReport;
import dev.akguard.monitor.watch.Source;
import dev.akguard.monitor.watch.WatchSettings;
import dev.akguard.monitor.watch.Watcher;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code akguard monitor watch}: poll GitHub sources and record every leaked pair. */
@Command(
        name = "watch",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Poll GitHub for pushes (public events, organisations, users, repositories) and a periodic code "
                    + "search, scan what each push added, and record one alert per leaked pair with every place it was seen.",
            "Sources come from the flags, or from the \"watch\" section of --config when no source flag is given.",
            "Honours ETag, X-Poll-Interval, rate limits and retry-after. Safe to kill at any moment; several "
                    + "instances on one PostgreSQL database share the work.",
            "After each cycle: new alerts are verified (STS GetCallerIdentity, secret in memory only), unverified ones retried "
                    + "(secret re-fetched from GitHub), the calls of VALID open leaks fetched from ActionTrail (admin credentials) and "
                    + "checked for anomalies, and due notifications delivered.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  GITHUB_TOKEN=... akguard monitor watch --public-events",
            "  akguard monitor watch --once --org my-company --repo my-company/infra",
            "  akguard monitor watch --config monitor.json \\",
            "      --db 'jdbc:postgresql://db.internal/akguard?user=akguard'"
        })
public final class WatchCommand implements Callable<Integer> {

    /** Queries for the code-search sweep when neither --search-query nor the config names any. */
    static final List<String> DEFAULT_SEARCH_QUERIES =
            List.of("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "accessKeySecret", "access_key_secret");

    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Option(
            names = "--once",
            description =
                    "Run one cycle (poll each due source, process every queued push) and exit.")
    boolean once;

    @Option(
            names = "--public-events",
            description = "Watch the public events firehose (GET /events).")
    boolean publicEvents;

    @Option(
            names = "--org",
            paramLabel = "O",
            description = "Watch an organisation's events (repeatable).")
    List<String> orgs = new ArrayList<>();

    @Option(
            names = "--user",
            paramLabel = "U",
            description = "Watch a user's public events (repeatable).")
    List<String> users = new ArrayList<>();

    @Option(
            names = "--repo",
            paramLabel = "OWNER/NAME",
            description = "Watch a repository's events (repeatable).")
    List<String> repos = new ArrayList<>();

    @Option(
            names = "--search",
            description = "Also sweep code search periodically (needs GITHUB_TOKEN).")
    boolean search;

    @Option(
            names = "--search-query",
            paramLabel = "Q",
            description = "Code-search query for the sweep (repeatable; implies --search).")
    List<String> searchQueries = new ArrayList<>();

    @Option(
            names = "--no-verify",
            description =
                    "Record alerts without checking the keys against Alibaba Cloud (validity stays "
                            + "UNVERIFIED until `akguard monitor verify`); calls, anomalies and notifications still run.")
    boolean noVerify;

    @Override
    public Integer call() throws Exception {
        WatchSettings settings = settings();
        GitHubClient client = monitor.githubClient();
        if (settings.sources().stream().anyMatch(s -> s.kind() == Source.Kind.SEARCH)
                && !client.hasToken()) {
            throw new UserException(
                    "the code-search sweep needs a token: set GITHUB_TOKEN, or drop --search");
        }
        oneLineLogs();
        Database db = monitor.database();
        Watcher watcher =
                new Watcher(
                        settings,
                        new GitHubApi(client),
                        db,
                        Engine.defaults(),
                        Clock.systemUTC(),
                        Sleeper.SYSTEM);
        AfterCycle after = WatchIntegration.attach(watcher, monitor, db, !noVerify);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (once) {
                print(out, watcher.runOnce());
                WatchIntegration.report(out, err, after.run());
                return 0;
            }
            err.println(
                    "akguard: watching "
                            + settings.sources()
                            + " into "
                            + db.redactedUrl()
                            + " (Ctrl-C stops; safe at any moment)");
            err.flush();
            AtomicBoolean stop = new AtomicBoolean();
            Thread main = Thread.currentThread();
            Thread hook =
                    new Thread(
                            () -> {
                                stop.set(true);
                                main.interrupt();
                            },
                            "akguard-watch-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                WatchLoop.run(
                        watcher,
                        after,
                        settings,
                        new WorkStore(db),
                        Clock.systemUTC(),
                        Sleeper.SYSTEM,
                        stop::get,
                        r -> WatchIntegration.report(null, err, r));
            } catch (InterruptedException e) {
                if (!stop.get()) throw e;
            }
            return 0;
        } catch (GitHubException | StoreException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /**
     * "2026-05-01T10:00:00 WARNING message" on stderr instead of JUL's two-line default (unless
     * configured).
     */
    static void oneLineLogs() {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null
                && System.getProperty("java.util.logging.config.file") == null) {
            System.setProperty(
                    "java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT %4$s %5$s%6$s%n");
        }
    }

    private WatchSettings settings() {
        WatchSettings fromConfig = monitor.monitorConfig().watchSettings();
        List<Source> sources = new ArrayList<>();
        try {
            if (publicEvents) sources.add(Source.publicEvents());
            for (String o : orgs) sources.add(Source.org(o));
            for (String u : users) sources.add(Source.user(u));
            for (String r : repos) sources.add(Source.repo(r));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
        boolean sweep = search || !searchQueries.isEmpty();
        if (sweep) {
            List<String> queries =
                    !searchQueries.isEmpty()
                            ? searchQueries
                            : fromConfig.sources().stream()
                                    .filter(s -> s.kind() == Source.Kind.SEARCH)
                                    .map(Source::value)
                                    .toList();
            for (String q : queries.isEmpty() ? DEFAULT_SEARCH_QUERIES : queries)
                sources.add(Source.search(q));
        }
        if (sources.isEmpty()) sources.addAll(fromConfig.sources());
        if (sources.isEmpty()) {
            throw new UserException(
                    "nothing to watch: pass --public-events, --org O, --user U, --repo OWNER/NAME or --search, "
                            + "or a --config file with a \"watch\" section");
        }
        return fromConfig.withSources(sources);
    }

    private static void print(PrintWriter out, CycleReport r) {
        out.println(
                "polled "
                        + r.sourcesPolled()
                        + " source(s)"
                        + (r.sourceFailures() > 0 ? " (" + r.sourceFailures() + " failed)" : "")
                        + ", queued "
                        + r.pushesQueued()
                        + " push(es), processed "
                        + r.pushesProcessed()
                        + (r.pushFailures() > 0 ? " (" + r.pushFailures() + " to retry)" : "")
                        + "; "
                        + r.alertsCreated()
                        + " new alert(s), "
                        + r.alertsReopened()
                        + " reopened, "
                        + r.sightings()
                        + " sighting(s)");
        out.flush();
    }
}
