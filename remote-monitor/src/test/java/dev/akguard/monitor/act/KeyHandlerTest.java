package dev.akguard.monitor.act;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.Engine;
import dev.akguard.monitor.alibaba.AdminCredentials;
import dev.akguard.monitor.alibaba.AlibabaEndpoint;
import dev.akguard.monitor.alibaba.RamAdminException;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubClient;
import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.model.HandlingMethod;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.runtime.IntegrationConfig;
import dev.akguard.monitor.runtime.MonitorRuntime;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.verify.DetectionVerifier;
import dev.akguard.monitor.watch.Source;
import dev.akguard.monitor.watch.WatchSettings;
import dev.akguard.monitor.watch.Watcher;
import dev.akguard.testkit.alibaba.AlibabaCloudEmulator;
import dev.akguard.testkit.alibaba.EmulatedAccount;
import dev.akguard.testkit.alibaba.EmulatedKey;
import dev.akguard.testkit.fixtures.MutableClock;
import dev.akguard.testkit.fixtures.RecordingSleeper;
import dev.akguard.testkit.github.Fault;
import dev.akguard.testkit.github.GitHubEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `handle --apply` against the emulators: refusals change nothing; without the source, RAM's
 * listing is the proof.
 */
class KeyHandlerTest {
    @TempDir Path dir;
    private final MutableClock clock = new MutableClock(Instant.now());
    private GitHubEmulator gh;
    private AlibabaCloudEmulator ali;
    private EmulatedAccount account;
    private EmulatedKey admin;
    private Database db;
    private MonitorRuntime rt;

    @BeforeEach
    void start() throws Exception {
        gh = GitHubEmulator.start();
        ali = AlibabaCloudEmulator.start();
        account = ali.addAccount();
        admin = account.addUser("security-admin").addKey();
        db = Database.open("jdbc:sqlite:" + dir.resolve("monitor.db"));
        GitHubApi api =
                new GitHubApi(
                        GitHubClient.builder(gh.baseUrl())
                                .clock(clock)
                                .sleeper(new RecordingSleeper(clock)::sleep)
                                .build());
        rt =
                new MonitorRuntime(
                        db,
                        api,
                        Engine.defaults(),
                        AlibabaEndpoint.override(ali.url()),
                        () -> new AdminCredentials(admin.id(), admin.secret(), null, "test"),
                        IntegrationConfig.defaults(),
                        Backoff.jittered(2, Duration.ofMillis(5), Duration.ofMillis(10)),
                        Duration.ofSeconds(5),
                        clock);
    }

    @AfterEach
    void stop() {
        gh.close();
        ali.close();
    }

    /** Pushes the pair, lets the watcher find and verify it; returns the alert. */
    private Alert leak(EmulatedKey key) throws Exception {
        return leak(key.id(), key.secret());
    }

    private Alert leak(String id, String secret) throws Exception {
        gh.createRepo("acme/" + id.toLowerCase())
                .change()
                .author("eve")
                .put(
                        "app.env",
                        "ALIBABA_CLOUD_ACCESS_KEY_ID="
                                + id
                                + "\nALIBABA_CLOUD_ACCESS_KEY_SECRET="
                                + secret
                                + "\n")
                .push();
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
        detection.verifyPending();
        List<Alert> all = new AlertStore(db, clock).list(null);
        return all.stream().filter(a -> a.accessKeyId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void ramRefusingTheAdminChangesNothingAndSaysWhichPolicyIsMissing() throws Exception {
        EmulatedKey leaked = account.addUser("ci").addKey();
        Alert a = leak(leaked);
        admin.deny("UpdateAccessKey");
        RamAdminException e =
                assertThrows(
                        RamAdminException.class,
                        () ->
                                rt.keyHandler()
                                        .apply(a.id(), HandlingMethod.DISABLED, "carol", null));
        assertTrue(e.getMessage().contains("AliyunRAMFullAccess"), e.getMessage());
        Alert after = new AlertStore(db, clock).find(a.id()).orElseThrow();
        assertEquals(AlertStatus.UNHANDLED, after.status());
        assertTrue(ali.key(leaked.id()).orElseThrow().active());
    }

    @Test
    void aRootAccountKeyIsNotRamsToDisable() throws Exception {
        EmulatedKey root = account.addRootKey();
        Alert a = leak(root);
        assertEquals(Validity.VALID, a.validity());
        RamAdminException e =
                assertThrows(
                        RamAdminException.class,
                        () ->
                                rt.keyHandler()
                                        .apply(a.id(), HandlingMethod.DISABLED, "carol", null));
        assertTrue(
                e.getMessage().contains("root-account key")
                        && e.getMessage().contains("--method disabled"),
                e.getMessage());
        assertTrue(ali.requests("UpdateAccessKey").isEmpty());
        assertEquals(
                AlertStatus.UNHANDLED,
                new AlertStore(db, clock).find(a.id()).orElseThrow().status());
    }

    @Test
    void withoutTheSourceRamsListingProvesTheKeyIsDisabled() throws Exception {
        EmulatedKey leaked = account.addUser("ci").addKey();
        Alert a = leak(leaked);
        gh.inject(Fault.status(404).on("/repos/").times(20));
        KeyHandler.Result r =
                rt.keyHandler().apply(a.id(), HandlingMethod.DISABLED, "carol", "SEC-1");
        assertTrue(r.proven(), r.proof());
        assertEquals(Validity.DISABLED, r.validityAfter());
        assertTrue(r.proof().contains("RAM lists the key as Inactive"), r.proof());
        assertFalse(ali.key(leaked.id()).orElseThrow().active());
        Alert after = r.alert();
        assertEquals(AlertStatus.HANDLED, after.status());
        assertTrue(after.history().stream().anyMatch(h -> h.action().equals(KeyHandler.PROOF)));
        assertTrue(
                after.history().stream()
                        .anyMatch(
                                h ->
                                        h.action().equals("handled-disabled")
                                                && h.note()
                                                        .startsWith("SEC-1; applied through RAM")));
    }

    @Test
    void aRealIdPublishedWithAFakeSecretIsNeverDisabledWithoutAnExplicitOverride()
            throws Exception {
        EmulatedKey prod = account.addUser("prod-app").addKey();
        // The attacker publishes prod's real AccessKey ID next to a made-up secret.
        Alert a =
                leak(
                        prod.id(),
                        dev.akguard.testkit.corpus.FakeKeys.secret(new java.util.Random(3)));
        assertEquals(Validity.INVALID, a.validity());
        ApplyRefusedException e =
                assertThrows(
                        ApplyRefusedException.class,
                        () ->
                                rt.keyHandler()
                                        .apply(a.id(), HandlingMethod.DISABLED, "carol", null));
        assertTrue(
                e.getMessage().contains("INVALID") && e.getMessage().contains("--force-unverified"),
                e.getMessage());
        assertTrue(ali.requests("UpdateAccessKey").isEmpty(), "nothing sent to RAM");
        assertTrue(ali.key(prod.id()).orElseThrow().active(), "the production key still works");
        assertEquals(
                AlertStatus.UNHANDLED,
                new AlertStore(db, clock).find(a.id()).orElseThrow().status());

        KeyHandler.Result forced =
                rt.keyHandler().apply(a.id(), HandlingMethod.DISABLED, "carol", "sure", true);
        assertFalse(ali.key(prod.id()).orElseThrow().active(), "with the override it acts");
        assertTrue(
                forced.alert().history().stream()
                        .anyMatch(h -> h.action().equals(KeyHandler.OVERRIDE)));
    }

    @Test
    void anApplyTheReVerificationCannotConfirmLeavesTheAlertUnhandled() throws Exception {
        EmulatedKey leaked = account.addUser("ci").addKey();
        Alert a = leak(leaked);
        assertEquals(Validity.VALID, a.validity());
        ali.faults().throttleAlways("GetCallerIdentity");
        KeyHandler.Result r = rt.keyHandler().apply(a.id(), HandlingMethod.DISABLED, "carol", null);
        assertFalse(r.proven());
        assertFalse(ali.key(leaked.id()).orElseThrow().active(), "the RAM call was made");
        Alert after = new AlertStore(db, clock).find(a.id()).orElseThrow();
        assertEquals(
                AlertStatus.UNHANDLED, after.status(), "not confirmed: stays in the work queue");
        assertTrue(
                after.history().stream().anyMatch(h -> h.action().equals(KeyHandler.UNCONFIRMED)));
    }

    @Test
    void inventorySyncStoresEveryRamKeyWithItsLastUseAndReplacesTheOldList() throws Exception {
        EmulatedKey used =
                account.addUser("ci").addKey().lastUsed(Instant.parse("2026-01-02T03:04:05Z"));
        List<KeyOwner> keys = rt.inventorySync().sync();
        assertEquals(2, keys.size());
        KeyOwner owner = rt.inventory().find(used.id()).orElseThrow();
        assertEquals("ci", owner.userName());
        assertEquals(used.user().userId(), owner.userId());
        assertEquals("Active", owner.status());
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), owner.lastUsed());
        assertEquals(clock.instant(), owner.syncedAt());
        used.disable();
        EmulatedKey fresh = account.addUser("ops").addKey();
        rt.inventorySync().sync();
        assertEquals(3, rt.inventory().all().size());
        assertEquals("Inactive", rt.inventory().find(used.id()).orElseThrow().status());
        assertTrue(rt.inventory().find(fresh.id()).isPresent());
    }
}
