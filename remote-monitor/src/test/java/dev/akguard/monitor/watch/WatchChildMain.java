package dev.akguard.monitor.watch;

import dev.akguard.core.Engine;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubClient;
import dev.akguard.monitor.retry.Sleeper;
import dev.akguard.monitor.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A watcher in its own JVM, for the crash test: {@code WatchChildMain GITHUB_URL JDBC_URL
 * [CLONE_DIR]}. Polls the public events feed forever with short leases until killed.
 */
public final class WatchChildMain {

    private WatchChildMain() {}

    public static void main(String[] args) throws Exception {
        GitHubClient client = GitHubClient.builder(args[0]).token("child").build();
        WatchSettings settings =
                WatchSettings.defaults(List.of(Source.publicEvents()))
                        .withMinPollInterval(Duration.ofSeconds(1))
                        .withLeases(CrashRecoveryTest.LEASE, CrashRecoveryTest.LEASE)
                        .withBatchSize(3);
        if (args.length > 2)
            settings =
                    settings.withClone(
                            CrashRecoveryTest.cloneLimits(java.nio.file.Path.of(args[2])));
        Watcher w =
                new Watcher(
                        settings,
                        new GitHubApi(client),
                        Database.open(args[1]),
                        Engine.defaults(),
                        Clock.systemUTC(),
                        Sleeper.SYSTEM);
        System.out.println("child watching as " + w.owner());
        w.run(() -> false);
    }
}
