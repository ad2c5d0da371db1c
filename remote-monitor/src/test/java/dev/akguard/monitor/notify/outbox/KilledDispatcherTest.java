package dev.akguard.monitor.notify.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.notify.AlertNotification;
import dev.akguard.monitor.notify.Channels;
import dev.akguard.monitor.notify.NotificationSettings;
import dev.akguard.monitor.notify.Notifier;
import dev.akguard.monitor.notify.channel.WebhookChannel;
import dev.akguard.monitor.redact.Redaction;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.testing.TestAlerts;
import dev.akguard.testkit.fixtures.MutableClock;
import dev.akguard.testkit.fixtures.TestKeys;
import dev.akguard.testkit.fixtures.WebhookReceiver;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dispatcher process is killed (SIGKILL) after delivering and before marking delivered; a new one
 * takes over after the lease. The SQLite file survives the kill and the inbox shows the
 * notification exactly once.
 */
class KilledDispatcherTest {
    private static final Duration LEASE = Duration.ofSeconds(2);

    @TempDir Path dir;

    static NotificationSettings settings(String hookUrl) {
        NotificationSettings s = new NotificationSettings();
        NotificationSettings.Webhook w = new NotificationSettings.Webhook();
        w.name = "ops";
        w.url = hookUrl;
        w.secret = "hook-signing-key";
        w.timeoutSeconds = 5;
        s.webhooks.add(w);
        return s;
    }

    /**
     * The child process: a dispatcher that hangs, like a process about to die, when it comes to
     * marking delivered.
     */
    public static void main(String[] args) throws Exception {
        Database db = Database.open(args[0]);
        Outbox real = new JdbcOutbox(db);
        Outbox hangsBeforeMarking =
                new Outbox() {
                    @Override
                    public int enqueue(List<OutboxEntry> e, Instant now) {
                        return real.enqueue(e, now);
                    }

                    @Override
                    public List<OutboxItem> claimDue(Instant now, int limit, Duration lease) {
                        return real.claimDue(now, limit, lease);
                    }

                    @Override
                    public void markDelivered(OutboxItem item, Instant now) {
                        System.out.println("DELIVERED " + item.channel());
                        System.out.flush();
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }

                    @Override
                    public void markFailed(OutboxItem item, String error, Instant retryAt) {
                        real.markFailed(item, error, retryAt);
                    }

                    @Override
                    public List<OutboxItem> list(OutboxStatus s, int limit) {
                        return real.list(s, limit);
                    }

                    @Override
                    public int reviveDead(Instant now) {
                        return real.reviveDead(now);
                    }
                };
        Clock clock = Clock.systemUTC();
        var channels =
                Channels.fromSettings(
                        settings(args[1]),
                        new JdbcInbox(db),
                        n -> null,
                        WebhookChannel.defaultHttpClient(),
                        clock);
        new Dispatcher(
                        hangsBeforeMarking,
                        channels,
                        Backoff.exponential(5, Duration.ofSeconds(1), Duration.ofSeconds(5)),
                        clock,
                        LEASE,
                        1)
                .drain();
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    @Test
    void aKilledDispatcherLosesAndDuplicatesNothing() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("monitor.db");
        try (Database db = Database.open(url);
                WebhookReceiver receiver = new WebhookReceiver()) {
            TestAlerts.seed(db, 1, 1); // the outbox references alerts
            JdbcOutbox outbox = new JdbcOutbox(db);
            JdbcInbox inbox = new JdbcInbox(db);
            NotificationSettings settings = settings(receiver.url("/hook"));
            Instant queuedAt = Instant.now().minusSeconds(1);
            outbox.enqueue(
                    new Notifier(settings, Clock.fixed(queuedAt, ZoneOffset.UTC))
                            .plan(
                                    new AlertNotification(
                                            1,
                                            TestKeys.accessKeyId(),
                                            Redaction.secret(TestKeys.secret()),
                                            Validity.VALID,
                                            null,
                                            "acme/app",
                                            ".env",
                                            1,
                                            null)),
                    queuedAt);

            Process child =
                    new ProcessBuilder(
                                    Path.of(System.getProperty("java.home"), "bin", "java")
                                            .toString(),
                                    "-cp",
                                    System.getProperty("java.class.path"),
                                    KilledDispatcherTest.class.getName(),
                                    url,
                                    receiver.url("/hook"))
                            .redirectError(dir.resolve("child.err").toFile())
                            .start();
            try (BufferedReader out =
                    new BufferedReader(
                            new InputStreamReader(
                                    child.getInputStream(), StandardCharsets.UTF_8))) {
                String line = out.readLine();
                assertEquals(
                        "DELIVERED inbox",
                        line,
                        () ->
                                "the child should have stored the inbox message; its stderr: "
                                        + readQuietly(dir.resolve("child.err")));
            } finally {
                child.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
                assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            }
            assertEquals(1, inbox.latest(10).size());
            assertEquals(
                    0,
                    outbox.list(OutboxStatus.DELIVERED, 10).size(),
                    "nothing was marked: the process died first");
            assertEquals(0, receiver.requests().size());

            // the new dispatcher runs once the dead one's lease is over
            MutableClock later = new MutableClock(Instant.now().plus(LEASE));
            var channels =
                    Channels.fromSettings(
                            settings, inbox, n -> null, WebhookChannel.defaultHttpClient(), later);
            assertEquals(
                    new DispatchReport(2, 0, 0),
                    new Dispatcher(outbox, channels, settings.backoff(), later, LEASE, 5).drain());
            assertEquals(1, inbox.latest(10).size(), "exactly once in the inbox");
            assertEquals(1, receiver.requests().size());
            assertEquals(2, outbox.list(OutboxStatus.DELIVERED, 10).size());
        }
    }
}
