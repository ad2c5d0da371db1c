package dev.akguard.monitor.config;

import dev.akguard.monitor.anomaly.AnomalySettings;
import dev.akguard.monitor.calls.CallsSettings;
import dev.akguard.monitor.runtime.IntegrationConfig;
import dev.akguard.monitor.settings.SettingsException;
import dev.akguard.monitor.settings.SettingsJson;
import dev.akguard.monitor.watch.CloneLimits;
import dev.akguard.monitor.watch.Source;
import dev.akguard.monitor.watch.WatchSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The monitor's config file ({@code --config}), read once and the same way for every section:
 * unknown keys, wrongly typed values and numbers out of range are refused with the file and the key
 * named.
 *
 * <pre>{@code
 * { "watch": { "publicEvents": true, "orgs": ["acme"], "users": ["bob"], "repos": ["acme/app"],
 *              "search": { "queries": ["LTAI"], "intervalMinutes": 30 }, "minPollIntervalSeconds": 60,
 *              "maxFileBytes": 33554432, "maxAlertsPerPush": 100, "maxPushAttempts": 8,
 *              "clone": { "maxBytes": 1073741824, "timeoutSeconds": 600, "workDir": "/var/tmp/akguard", "threads": 2 } },
 *   "calls": { "regions": ["cn-hangzhou", "cn-shanghai"], "refreshMinutes": 15, "lookbackHours": 168 },
 *   "anomalies": { "threatIp": { "listFile": "threats.txt" }, "rateSpike": { "k": 6 } },
 *   "console": { "listen": "0.0.0.0:8080", "trustedProxies": ["10.0.0.5"], "ssoHeader": "X-Forwarded-User",
 *                "secureCookies": true, "webhookSecretEnv": "AKGUARD_GITHUB_WEBHOOK_SECRET" } }
 * }</pre>
 *
 * Every key may be left out; its default applies.
 */
public final class MonitorConfig {

    public Watch watch = new Watch();
    public Calls calls = new Calls();
    public AnomalySettings anomalies = AnomalySettings.defaults();
    public Console console = new Console();

    /**
     * Where the file was (relative paths in it, such as the threat list, resolve against its
     * folder); null: none.
     */
    private transient Path file;

    /** The {@code "watch"} section: sources to poll and how often. */
    public static final class Watch {
        public boolean publicEvents;
        public List<String> orgs = new ArrayList<>();
        public List<String> users = new ArrayList<>();
        public List<String> repos = new ArrayList<>();
        public Search search = new Search();

        /** Never poll a feed more often than this, whatever GitHub's X-Poll-Interval allows. */
        public long minPollIntervalSeconds =
                WatchSettings.defaults(List.of()).minPollInterval().toSeconds();

        /**
         * Files fetched whole are read this far; the rest is recorded as "not scanned: too large".
         */
        public long maxFileBytes = WatchSettings.defaults(List.of()).maxFileBytes();

        /**
         * New alerts one push may raise; the rest are grouped into one alert that says how many.
         */
        public long maxAlertsPerPush = WatchSettings.defaults(List.of()).maxAlertsPerPush();

        /** A push that stopped the watcher this often is parked with its reason. */
        public long maxPushAttempts = WatchSettings.defaults(List.of()).maxPushAttempts();

        public Clone clone = new Clone();
    }

    /** Whole-history scans by cloning: bounds per repository. */
    public static final class Clone {
        public long maxBytes = CloneLimits.defaults().maxBytes();
        public long timeoutSeconds = CloneLimits.defaults().timeout().toSeconds();
        public String workDir;
        public long threads = CloneLimits.defaults().threads();
    }

    /** Code-search sweeps. */
    public static final class Search {
        public List<String> queries = new ArrayList<>();
        public long intervalMinutes =
                WatchSettings.defaults(List.of()).searchInterval().toMinutes();
    }

    /**
     * The {@code "console"} section, read by {@code monitor serve}; command-line flags override it.
     * The webhook secret itself stays in the environment: the file only names the variable.
     */
    public static final class Console {
        public String listen;
        public List<String> trustedProxies = new ArrayList<>();
        public String ssoHeader;
        public boolean secureCookies;
        public String webhookSecretEnv = "AKGUARD_GITHUB_WEBHOOK_SECRET";
    }

    /** The {@code "calls"} section: fetching the leaked keys' ActionTrail records. */
    public static final class Calls {
        public List<String> regions = new ArrayList<>(CallsSettings.DEFAULT_REGIONS);
        public long refreshMinutes = CallsSettings.defaults().refreshInterval().toMinutes();
        public long lookbackHours = CallsSettings.defaults().lookback().toHours();
    }

    /** Bounds of the numbers, so a typo such as -100 or 2^32 is an error instead of a surprise. */
    static final long MAX_POLL_SECONDS = Duration.ofDays(1).toSeconds();

    static final long MAX_SEARCH_MINUTES = Duration.ofDays(7).toMinutes();
    static final long MAX_REFRESH_MINUTES = Duration.ofDays(7).toMinutes();
    static final long MAX_CLONE_SECONDS = Duration.ofDays(1).toSeconds();
    static final long MAX_LOOKBACK_HOURS =
            Duration.ofDays(90).toHours(); // ActionTrail keeps 90 days

    public static MonitorConfig defaults() {
        return new MonitorConfig();
    }

    /** The file's settings, or the defaults when {@code file} is null. */
    public static MonitorConfig load(Path file) {
        if (file == null) return defaults();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SettingsException(
                    "Cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file);
    }

    /** Parses config text; {@code file} names it in messages and anchors relative paths. */
    public static MonitorConfig parse(String json, Path file) {
        String what = "Config file " + file;
        MonitorConfig c = SettingsJson.read(json, MonitorConfig.class, what);
        c.file = file;
        if (c.watch == null) c.watch = new Watch();
        if (c.watch.search == null) c.watch.search = new Search();
        if (c.watch.clone == null) c.watch.clone = new Clone();
        if (c.calls == null) c.calls = new Calls();
        if (c.console == null) c.console = new Console();
        if (c.anomalies == null) c.anomalies = AnomalySettings.defaults();
        c.validate(what);
        return c;
    }

    private void validate(String what) {
        List<String> problems = new ArrayList<>();
        range(
                problems,
                "watch.minPollIntervalSeconds",
                watch.minPollIntervalSeconds,
                0,
                MAX_POLL_SECONDS);
        range(
                problems,
                "watch.search.intervalMinutes",
                watch.search.intervalMinutes,
                1,
                MAX_SEARCH_MINUTES);
        range(problems, "watch.maxFileBytes", watch.maxFileBytes, 1, Long.MAX_VALUE);
        range(problems, "watch.maxAlertsPerPush", watch.maxAlertsPerPush, 1, Integer.MAX_VALUE);
        range(problems, "watch.maxPushAttempts", watch.maxPushAttempts, 1, Integer.MAX_VALUE);
        range(problems, "watch.clone.maxBytes", watch.clone.maxBytes, 1, Long.MAX_VALUE);
        range(
                problems,
                "watch.clone.timeoutSeconds",
                watch.clone.timeoutSeconds,
                1,
                MAX_CLONE_SECONDS);
        range(problems, "watch.clone.threads", watch.clone.threads, 1, 64);
        if (watch.clone.workDir != null && watch.clone.workDir.isBlank())
            problems.add("'watch.clone.workDir' must not be empty");
        range(problems, "calls.refreshMinutes", calls.refreshMinutes, 0, MAX_REFRESH_MINUTES);
        range(problems, "calls.lookbackHours", calls.lookbackHours, 0, MAX_LOOKBACK_HOURS);
        noBlanks(problems, "watch.orgs", watch.orgs);
        noBlanks(problems, "watch.users", watch.users);
        noBlanks(problems, "watch.repos", watch.repos);
        noBlanks(problems, "watch.search.queries", watch.search.queries);
        noBlanks(problems, "calls.regions", calls.regions);
        noBlanks(problems, "console.trustedProxies", console.trustedProxies);
        if (console.webhookSecretEnv == null || console.webhookSecretEnv.isBlank())
            problems.add("'console.webhookSecretEnv' must name an environment variable");
        if (calls.regions == null || calls.regions.isEmpty())
            problems.add("'calls.regions' needs at least one region, e.g. cn-hangzhou");
        if (!problems.isEmpty())
            throw new SettingsException(what + ": " + String.join("; ", problems) + ".");
        try {
            anomalies.fillMissingSections();
            anomalies.validate();
        } catch (SettingsException e) {
            throw new SettingsException(what + ", section \"anomalies\": " + e.getMessage(), e);
        }
        watchSettings(); // source names are checked when the file is read, not when the watcher
        // starts
    }

    private static void range(List<String> problems, String key, long value, long min, long max) {
        if (value < min || value > max)
            problems.add(
                    "'"
                            + key
                            + "' must be between "
                            + min
                            + " and "
                            + max
                            + " (found "
                            + value
                            + ")");
    }

    private static void noBlanks(List<String> problems, String key, List<String> values) {
        if (values == null) return;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null || values.get(i).isBlank())
                problems.add("'" + key + "[" + i + "]' must not be empty");
        }
    }

    /** The watcher's sources and intervals from the {@code "watch"} section. */
    public WatchSettings watchSettings() {
        List<Source> sources = new ArrayList<>();
        String at = "";
        try {
            at = "watch.publicEvents";
            if (watch.publicEvents) sources.add(Source.publicEvents());
            at = "watch.orgs";
            for (String o : nonNull(watch.orgs)) sources.add(Source.org(o.trim()));
            at = "watch.users";
            for (String u : nonNull(watch.users)) sources.add(Source.user(u.trim()));
            at = "watch.repos";
            for (String r : nonNull(watch.repos)) sources.add(Source.repo(r.trim()));
            at = "watch.search.queries";
            for (String q : nonNull(watch.search.queries)) sources.add(Source.search(q));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(
                    "Config file " + file + ": '" + at + "': " + e.getMessage(), e);
        }
        CloneLimits defaults = CloneLimits.defaults();
        CloneLimits clone =
                new CloneLimits(
                        watch.clone.maxBytes,
                        Duration.ofSeconds(watch.clone.timeoutSeconds),
                        watch.clone.workDir == null
                                ? defaults.workDir()
                                : Path.of(watch.clone.workDir),
                        (int) watch.clone.threads);
        return WatchSettings.defaults(sources)
                .withSearchInterval(Duration.ofMinutes(watch.search.intervalMinutes))
                .withMinPollInterval(Duration.ofSeconds(watch.minPollIntervalSeconds))
                .withMaxFileBytes(watch.maxFileBytes)
                .withMaxAlertsPerPush((int) watch.maxAlertsPerPush)
                .withMaxPushAttempts((int) watch.maxPushAttempts)
                .withClone(clone);
    }

    /** Call fetching and anomaly rules, with relative paths anchored at the file's folder. */
    public IntegrationConfig integration() {
        CallsSettings callsSettings =
                new CallsSettings(
                        nonNull(calls.regions).stream().map(String::trim).toList(),
                        Duration.ofMinutes(calls.refreshMinutes),
                        Duration.ofHours(calls.lookbackHours));
        return new IntegrationConfig(
                callsSettings, anomalies, file == null ? null : file.toAbsolutePath().getParent());
    }

    private static List<String> nonNull(List<String> l) {
        return l == null ? List.of() : l;
    }
}
