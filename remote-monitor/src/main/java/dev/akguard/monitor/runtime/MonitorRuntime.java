package dev.akguard.monitor.runtime;

import dev.akguard.core.Engine;
import dev.akguard.monitor.act.InventoryStore;
import dev.akguard.monitor.act.InventorySync;
import dev.akguard.monitor.act.KeyHandler;
import dev.akguard.monitor.alibaba.AdminCredentials;
import dev.akguard.monitor.alibaba.AlibabaEndpoint;
import dev.akguard.monitor.alibaba.CallRecordClient;
import dev.akguard.monitor.alibaba.KeyValidator;
import dev.akguard.monitor.alibaba.RamAdmin;
import dev.akguard.monitor.alibaba.RateLimiter;
import dev.akguard.monitor.anomaly.AnomalyDetector;
import dev.akguard.monitor.calls.AnomalyRaiser;
import dev.akguard.monitor.calls.CallRecordStore;
import dev.akguard.monitor.calls.CallTracker;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.notify.NotificationService;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.DbSettingsStore;
import dev.akguard.monitor.verify.AlertVerifier;
import dev.akguard.monitor.verify.DetectionVerifier;
import dev.akguard.monitor.verify.LeakVerifier;
import dev.akguard.monitor.verify.SourceRefetcher;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The monitor's services wired once over one database: verification (at detection and re-fetched),
 * handling through RAM, inventory, call records, anomalies and notifications. Admin credentials and
 * the clients that need them are created on first use, so commands that never call RAM or
 * ActionTrail work without them.
 */
public final class MonitorRuntime {
    /** Name of the notification settings document in the {@code settings} table. */
    public static final String NOTIFY_SETTINGS = "notify";

    private final Database db;
    private final Clock clock;
    private final IntegrationConfig config;
    private final NotificationService notifications;
    private final LeakVerifier leakVerifier;
    private final AlertVerifier alertVerifier;
    private final InventoryStore inventory;
    private final Supplier<RamAdmin> ram;
    private final Supplier<CallRecordClient> calls;

    /**
     * @param admin the team's admin credentials, asked for only when RAM or ActionTrail is called
     */
    public MonitorRuntime(
            Database db,
            GitHubApi github,
            Engine engine,
            AlibabaEndpoint endpoint,
            Supplier<AdminCredentials> admin,
            IntegrationConfig config,
            Backoff backoff,
            Duration timeout,
            Clock clock) {
        this.db = db;
        this.clock = clock;
        this.config = config;
        this.notifications = notificationService(db, clock);
        this.leakVerifier =
                new LeakVerifier(
                        new KeyValidator(endpoint, backoff, timeout), db, notifications, clock);
        this.alertVerifier =
                new AlertVerifier(
                        new AlertStore(db, clock),
                        new SourceRefetcher(github, engine),
                        leakVerifier,
                        clock);
        this.inventory = new InventoryStore(db);
        this.ram = memoize(() -> new RamAdmin(admin.get(), endpoint, backoff, timeout));
        this.calls =
                memoize(
                        () ->
                                new CallRecordClient(
                                        admin.get(),
                                        endpoint,
                                        backoff,
                                        timeout,
                                        new RateLimiter(CallRecordClient.DEFAULT_RATE)));
    }

    private static NotificationService notificationService(Database db, Clock clock) {
        return new NotificationService(
                new DbSettingsStore(db, NOTIFY_SETTINGS, clock), db, System::getenv, clock);
    }

    public Database database() {
        return db;
    }

    public Clock clock() {
        return clock;
    }

    public IntegrationConfig config() {
        return config;
    }

    public NotificationService notifications() {
        return notifications;
    }

    public AlertVerifier verifier() {
        return alertVerifier;
    }

    /**
     * A listener for the watcher that validates each new alert with its in-memory secret after the
     * cycle.
     */
    public DetectionVerifier detectionVerifier() {
        return new DetectionVerifier(leakVerifier);
    }

    public KeyHandler keyHandler() {
        return new KeyHandler(db, ram, alertVerifier, inventory, clock);
    }

    public InventoryStore inventory() {
        return inventory;
    }

    public InventorySync inventorySync() {
        return new InventorySync(ram.get(), inventory, clock);
    }

    public CallRecordClient callRecordClient() {
        return calls.get();
    }

    public CallRecordStore callRecords() {
        return new CallRecordStore(db);
    }

    public CallTracker callTracker() {
        return new CallTracker(db, calls, config.calls(), clock);
    }

    public AnomalyRaiser anomalyRaiser() {
        return new AnomalyRaiser(
                db,
                AnomalyDetector.fromSettings(config.anomalies(), config.baseDir()),
                notifications,
                config.detectionWindow(),
                clock);
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = s.get();
                return value;
            }
        };
    }
}
