package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.core.Engine;
import dev.akguard.monitor.alibaba.AdminCredentials;
import dev.akguard.monitor.alibaba.AlibabaCredentialsException;
import dev.akguard.monitor.alibaba.AlibabaEndpoint;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.runtime.MonitorRuntime;
import dev.akguard.monitor.settings.SettingsException;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.StoreException;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds the monitor's services from the shared options: store, GitHub, Alibaba Cloud endpoint,
 * config file.
 */
final class MonitorRuntimes {
    private MonitorRuntimes() {}

    static MonitorRuntime open(MonitorOptions o) {
        return open(o, o.database());
    }

    static MonitorRuntime open(MonitorOptions o, Database db) {
        try {
            return new MonitorRuntime(
                    db,
                    new GitHubApi(o.githubClient()),
                    Engine.defaults(),
                    endpoint(o),
                    MonitorRuntimes::admin,
                    o.monitorConfig().integration(),
                    Backoff.standard(),
                    Duration.ofSeconds(10),
                    Clock.systemUTC());
        } catch (SettingsException | StoreException | IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** --alibaba-endpoint, else AKGUARD_ALIBABA_ENDPOINT, else production over HTTPS. */
    static AlibabaEndpoint endpoint(MonitorOptions o) {
        try {
            return o.alibabaEndpoint != null && !o.alibabaEndpoint.isBlank()
                    ? AlibabaEndpoint.override(o.alibabaEndpoint)
                    : AlibabaEndpoint.fromEnvironment();
        } catch (IllegalArgumentException e) {
            throw new UserException(
                    (o.alibabaEndpoint != null
                                    ? "--alibaba-endpoint: "
                                    : AlibabaEndpoint.ENV + ": ")
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * The security team's credentials (the SDK's default chain: environment, profiles, ECS role,
     * OIDC), asked for only when needed.
     */
    static AdminCredentials admin() {
        try {
            return AdminCredentials.load();
        } catch (AlibabaCredentialsException e) {
            throw new UserException(e.getMessage(), e);
        }
    }
}
