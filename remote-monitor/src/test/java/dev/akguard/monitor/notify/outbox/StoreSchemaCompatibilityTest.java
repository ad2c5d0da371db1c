package dev.akguard.monitor.notify.outbox;

import dev.akguard.testkit.fixtures.MutableClock;

import dev.akguard.monitor.retry.Backoff;

import dev.akguard.monitor.notify.Message;
import dev.akguard.monitor.notify.MessageCodec;
import dev.akguard.monitor.notify.channel.InboxChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outbox and inbox work on the tables as the store module's first migration creates them (its column
 * names, upper-case statuses, alert_id referencing alerts, no delivery_key): {@link NotifySchema#upgrade}
 * adds only the delivery key.
 */
class StoreSchemaCompatibilityTest {
    /** The relevant part of the store's V001 (SQLite). */
    private static final List<String> STORE_V001 = List.of(
            "PRAGMA foreign_keys = ON",
            "CREATE TABLE alerts (id INTEGER PRIMARY KEY AUTOINCREMENT, access_key_id TEXT NOT NULL)",
            "CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, channel TEXT NOT NULL, alert_id BIGINT REFERENCES alerts (id), "
                    + "kind TEXT NOT NULL, payload TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'PENDING', attempts INTEGER NOT NULL DEFAULT 0, "
                    + "next_attempt_at BIGINT NOT NULL DEFAULT 0, last_error TEXT, created_at BIGINT NOT NULL, sent_at BIGINT, "
                    + "UNIQUE (channel, alert_id, kind))",
            "CREATE INDEX outbox_due ON outbox (status, next_attempt_at)",
            "CREATE TABLE inbox (id INTEGER PRIMARY KEY AUTOINCREMENT, at BIGINT NOT NULL, alert_id BIGINT REFERENCES alerts (id), "
                    + "title TEXT NOT NULL, body TEXT NOT NULL, read_at BIGINT)");

    @TempDir
    Path dir;

    @Test
    void deliveryWorksOnTheStoresTables() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("store.db");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String sql : STORE_V001) st.execute(sql);
            st.execute("INSERT INTO alerts (id, access_key_id) VALUES (1, 'x')");
            NotifySchema.upgrade(c);
            NotifySchema.upgrade(c);
        }
        ConnectionSource db = ConnectionSource.of(url);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        JdbcOutbox outbox = new JdbcOutbox(db);
        JdbcInbox inbox = new JdbcInbox(db);
        Message m = new Message(Message.TEST, 1, clock.instant(), "t", "s", List.of(), List.of(), null);
        assertEquals(1, outbox.enqueue(List.of(new OutboxEntry("inbox", 1, "leak", MessageCodec.encode(m))), clock.instant()));
        OutboxItem claimed = outbox.claimDue(clock.instant(), 1, Duration.ofMinutes(1)).get(0);
        new InboxChannel(inbox).deliver(new dev.akguard.monitor.notify.channel.Delivery(claimed.idempotencyKey(), m));
        new InboxChannel(inbox).deliver(new dev.akguard.monitor.notify.channel.Delivery(claimed.idempotencyKey(), m));
        outbox.markDelivered(claimed, clock.instant());
        assertEquals(1, inbox.latest(10).size());
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT status, sent_at FROM outbox")) {
            rs.next();
            assertEquals("DELIVERED", rs.getString(1), "statuses are stored as enum names, like the store's");
            assertEquals(clock.instant().toEpochMilli(), rs.getLong(2));
        }
        assertEquals(new DispatchReport(0, 0, 0), new Dispatcher(outbox, Map.of(), Backoff.exponential(1, Duration.ofSeconds(1), Duration.ofSeconds(1)), clock).drain());
    }
}
