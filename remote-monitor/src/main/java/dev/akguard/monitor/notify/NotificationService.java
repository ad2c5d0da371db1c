package dev.akguard.monitor.notify;

import dev.akguard.monitor.notify.channel.Channel;
import dev.akguard.monitor.notify.channel.WebhookChannel;
import dev.akguard.monitor.notify.outbox.DispatchReport;
import dev.akguard.monitor.notify.outbox.Dispatcher;
import dev.akguard.monitor.notify.outbox.InboxMessage;
import dev.akguard.monitor.notify.outbox.JdbcInbox;
import dev.akguard.monitor.notify.outbox.JdbcOutbox;
import dev.akguard.monitor.notify.outbox.OutboxEntry;
import dev.akguard.monitor.notify.outbox.OutboxItem;
import dev.akguard.monitor.notify.outbox.OutboxStatus;
import dev.akguard.monitor.settings.SettingsStore;
import dev.akguard.monitor.store.Database;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Everything the CLI and the watcher need from notifications, wired once: settings (`notify
 * show|set`), planning and queueing (`watch`, `verify`, `anomalies`), delivery (`watch` each
 * cycle), `notify test`, `inbox`. Its {@code outbox} and {@code inbox} tables come from the store's
 * migrations.
 */
public final class NotificationService {
    private final SettingsStore settingsStore;
    private final JdbcOutbox outbox;
    private final JdbcInbox inbox;
    private final UnaryOperator<String> env;
    private final Clock clock;
    private final HttpClient http;

    public NotificationService(
            SettingsStore settingsStore, Database db, UnaryOperator<String> env, Clock clock) {
        this.settingsStore = settingsStore;
        this.outbox = new JdbcOutbox(db);
        this.inbox = new JdbcInbox(db);
        this.env = env;
        this.clock = clock;
        this.http = WebhookChannel.defaultHttpClient();
    }

    /** Production wiring: environment variables from the process, the system clock. */
    public static NotificationService create(SettingsStore settingsStore, Database db) {
        return new NotificationService(settingsStore, db, System::getenv, Clock.systemUTC());
    }

    /** The saved settings, or the defaults (inbox only, VALID leaks only). */
    public NotificationSettings settings() {
        return NotificationSettings.load(settingsStore);
    }

    /**
     * What `notify show|set` should warn about: enabled channels missing their password or secret
     * here.
     */
    public List<String> warnings() {
        return settings().missingSecrets(env);
    }

    /**
     * Validates and saves; throws {@link dev.akguard.monitor.settings.SettingsException} naming
     * every problem.
     */
    public void saveSettings(NotificationSettings s) {
        s.save(settingsStore);
    }

    /**
     * Queues the leak's notifications (if the policy lets it notify) on the caller's connection,
     * inside the transaction that writes the alert. Returns how many were newly queued.
     */
    public int enqueue(Connection tx, AlertNotification alert) throws SQLException {
        return JdbcOutbox.enqueue(tx, new Notifier(settings(), clock).plan(alert), clock.instant());
    }

    /** As {@link #enqueue(Connection, AlertNotification)}, for an anomaly alert. */
    public int enqueue(Connection tx, AnomalyNotification anomaly) throws SQLException {
        return JdbcOutbox.enqueue(
                tx, new Notifier(settings(), clock).plan(anomaly), clock.instant());
    }

    /**
     * Queues entries in a transaction of its own, for callers that have no alert transaction open.
     */
    public int enqueue(List<OutboxEntry> entries) {
        return outbox.enqueue(entries, clock.instant());
    }

    /** Delivers everything due now (call once per watch cycle, and after `verify`). */
    public DispatchReport deliverDue() {
        NotificationSettings s = settings();
        return new Dispatcher(outbox, channels(s), s.backoff(), clock).drain();
    }

    /**
     * `notify test`: a test message through every enabled channel, now, with the outcome of each.
     */
    public List<NotificationTester.Result> test() {
        return NotificationTester.test(channels(settings()), clock);
    }

    /** `monitor inbox`: newest first. */
    public List<InboxMessage> inbox(int limit) {
        return inbox.latest(limit);
    }

    /** Outbox items by status (null: all), for a status view. */
    public List<OutboxItem> outbox(OutboxStatus status, int limit) {
        return outbox.list(status, limit);
    }

    /** Gives dead notifications another round of attempts (after fixing a channel). */
    public int retryDead() {
        return outbox.reviveDead(clock.instant());
    }

    private Map<String, Channel> channels(NotificationSettings s) {
        return Channels.fromSettings(s, inbox, env, http, clock);
    }
}
