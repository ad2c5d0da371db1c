package dev.akguard.monitor.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.Engine;
import dev.akguard.monitor.alibaba.AdminCredentials;
import dev.akguard.monitor.alibaba.AlibabaEndpoint;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubClient;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.runtime.AfterCycle;
import dev.akguard.monitor.runtime.IntegrationConfig;
import dev.akguard.monitor.runtime.MonitorRuntime;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.watch.Source;
import dev.akguard.monitor.watch.WatchSettings;
import dev.akguard.monitor.watch.Watcher;
import dev.akguard.testkit.alibaba.AlibabaCloudEmulator;
import dev.akguard.testkit.alibaba.EmulatedAccount;
import dev.akguard.testkit.alibaba.EmulatedKey;
import dev.akguard.testkit.fixtures.MutableClock;
import dev.akguard.testkit.fixtures.RecordingSleeper;
import dev.akguard.testkit.github.EmulatedRepo;
import dev.akguard.testkit.github.GitHubEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10 case 7: leaked STS credentials are checked with their security token and notify when
 * valid.
 */
class StsLeakEndToEndTest {
    private static final Backoff FAST =
            Backoff.jittered(2, Duration.ofMillis(5), Duration.ofMillis(10));

    @TempDir Path dir;
    private final MutableClock clock = new MutableClock(Instant.now());
    private GitHubEmulator gh;
    private AlibabaCloudEmulator ali;
    private EmulatedKey sts;
    private EmulatedKey admin;
    private Database db;
    private EmulatedRepo.PushResult push;

    @BeforeEach
    void start() throws Exception {
        gh = GitHubEmulator.start();
        ali = AlibabaCloudEmulator.start();
        EmulatedAccount account = ali.addAccount();
        admin = account.addUser("security-admin").addKey();
        sts = account.addRoleSession("deployer", "ci-run");
        db = Database.open("jdbc:sqlite:" + dir.resolve("monitor.db"));
        push =
                gh.createRepo("acme/site")
                        .change()
                        .author("eve")
                        .put("README.md", "# site\n")
                        .nextCommit("ci creds")
                        .put(
                                "ci/sts.env",
                                "# temporary credentials\nALIBABA_CLOUD_ACCESS_KEY_ID="
                                        + sts.id()
                                        + "\nALIBABA_CLOUD_ACCESS_KEY_SECRET="
                                        + sts.secret()
                                        + "\nALIBABA_CLOUD_SECURITY_TOKEN="
                                        + sts.securityToken()
                                        + "\n")
                        .push();
    }

    @AfterEach
    void stop() {
        gh.close();
        ali.close();
    }

    private MonitorRuntime runtime() {
        GitHubApi api =
                new GitHubApi(
                        GitHubClient.builder(gh.baseUrl())
                                .clock(clock)
                                .sleeper(new RecordingSleeper(clock)::sleep)
                                .build());
        return new MonitorRuntime(
                db,
                api,
                Engine.defaults(),
                AlibabaEndpoint.override(ali.url()),
                () -> new AdminCredentials(admin.id(), admin.secret(), null, "test"),
                IntegrationConfig.defaults(),
                FAST,
                Duration.ofSeconds(5),
                clock);
    }

    private Alert runOnce() throws Exception {
        MonitorRuntime rt = runtime();
        DetectionVerifier detection = rt.detectionVerifier();
        GitHubApi api =
                new GitHubApi(
                        GitHubClient.builder(gh.baseUrl())
                                .clock(clock)
                                .sleeper(new RecordingSleeper(clock)::sleep)
                                .build());
        new Watcher(
                        WatchSettings.defaults(List.of(Source.publicEvents())),
                        api,
                        db,
                        Engine.defaults(),
                        clock,
                        new RecordingSleeper(clock)::sleep)
                .addListener(detection)
                .runOnce();
        new AfterCycle(rt, detection, true).run();
        List<Alert> all = new AlertStore(db, clock).list(null);
        assertEquals(1, all.size());
        Alert a = all.get(0);
        assertEquals(sts.id(), a.accessKeyId());
        assertEquals(push.commits().get(1), a.occurrences().get(0).commit());
        assertEquals("ci/sts.env", a.occurrences().get(0).path());
        assertEquals(2, a.occurrences().get(0).line());
        return a;
    }

    @Test
    void validStsLeakIsVerifiedWithItsTokenAndNotifies() throws Exception {
        Alert a = runOnce();
        assertEquals(Validity.VALID, a.validity());
        assertFalse(ali.requests("GetCallerIdentity").isEmpty());
        assertTrue(
                ali.requests("GetCallerIdentity").get(0).params().containsKey("SecurityToken"),
                "the token went with the check");
        assertEquals(
                1,
                runtime().notifications().inbox(10).size(),
                "a valid STS leak notifies like any valid pair");
        String stored =
                Files.readString(
                        dir.resolve("monitor.db"), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertFalse(stored.contains(sts.securityToken()), "the token is never stored");
        assertFalse(stored.contains(sts.secret()), "nor the secret");
    }

    @Test
    void expiredStsTokenIsInvalidAndStaysQuietUnderTheDefaultPolicy() throws Exception {
        sts.expire();
        Alert a = runOnce();
        assertEquals(Validity.INVALID, a.validity());
        assertTrue(runtime().notifications().inbox(10).isEmpty());
    }
}
