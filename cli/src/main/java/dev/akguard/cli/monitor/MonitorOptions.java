package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.monitor.config.MonitorConfig;
import dev.akguard.monitor.github.GitHubClient;
import dev.akguard.monitor.settings.SettingsException;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * Options every {@code akguard monitor} subcommand accepts after its name ({@code @Mixin
 * MonitorOptions monitor;}): where the store is, the monitor's config file, and which GitHub API to
 * talk to.
 */
public final class MonitorOptions {

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    /**
     * The environment variable that may carry the JDBC URL, so a password need not be on the
     * command line.
     */
    public static final String DB_ENV = "AKGUARD_DB_URL";

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            description =
                    "Monitor database (default: "
                            + DB_ENV
                            + ", else an SQLite file $HOME/.akguard/monitor.db; teams: "
                            + "jdbc:postgresql://HOST/DB?user=...). Keep passwords off the command line: put the URL in "
                            + DB_ENV
                            + " or the password in ~/.pgpass (PostgreSQL's passfile).")
    public String db;

    /** Where environment variables come from (tests replace it). */
    UnaryOperator<String> env = System::getenv;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "Monitor config file (JSON; sections \"watch\", \"calls\", \"anomalies\"; unknown keys are refused).")
    public Path config;

    @Option(
            names = "--github-api",
            paramLabel = "URL",
            description =
                    "GitHub API base URL (default: ${DEFAULT-VALUE}; GitHub Enterprise: https://HOST/api/v3). Token from GITHUB_TOKEN.")
    public String githubApi = GitHubClient.DEFAULT_BASE_URL;

    @Option(
            names = "--alibaba-endpoint",
            paramLabel = "URL",
            description =
                    "Send every Alibaba Cloud call (STS, RAM, ActionTrail) to this endpoint, e.g. http://127.0.0.1:8090 "
                            + "(default: AKGUARD_ALIBABA_ENDPOINT, else each product's host over HTTPS; plain http only for loopback).")
    public String alibabaEndpoint;

    /** Opens (creating and migrating) the store, with a clear message when that fails. */
    public Database database() {
        try {
            return Database.open(databaseUrl());
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** --db, else AKGUARD_DB_URL, else null (the default SQLite file). */
    public String databaseUrl() {
        if (db != null && !db.isBlank()) return db;
        String fromEnv = env.apply(DB_ENV);
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
    }

    private MonitorConfig loaded;

    /** The config file if given; fails clearly when it does not exist. */
    public Path configFile() {
        if (config != null && !Files.isRegularFile(config))
            throw new UserException("config file not found: " + config);
        return config;
    }

    /**
     * The config file's settings (defaults without --config), read once; errors name the file and
     * the key.
     */
    public MonitorConfig monitorConfig() {
        if (loaded == null) {
            try {
                loaded = MonitorConfig.load(configFile());
            } catch (SettingsException e) {
                throw new UserException(e.getMessage(), e);
            }
        }
        return loaded;
    }

    /** A client for --github-api with the token from GITHUB_TOKEN (never from the command line). */
    public GitHubClient githubClient() {
        try {
            return GitHubClient.builder(githubApi).tokenFromEnvironment().build();
        } catch (IllegalArgumentException e) {
            throw new UserException("--github-api: " + e.getMessage(), e);
        }
    }

    /** Who to record in history: --by if given, else the OS user. */
    public static String actor(String by) {
        if (by != null && !by.isBlank()) return by.trim();
        String user = System.getProperty("user.name");
        return user == null || user.isBlank() ? "unknown" : user;
    }
}
