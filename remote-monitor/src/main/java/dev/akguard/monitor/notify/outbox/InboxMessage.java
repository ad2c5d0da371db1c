package dev.akguard.monitor.notify.outbox;

import java.time.Instant;

/** One inbox entry: the DESIGN.md `inbox` JSON shape (at, alertId, title, body). */
public record InboxMessage(Instant at, long alertId, String title, String body) {}
