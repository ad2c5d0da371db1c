package dev.akguard.monitor.watch;

import dev.akguard.core.finding.Finding;
import dev.akguard.monitor.store.RecordOutcome;
import dev.akguard.monitor.store.Sighting;

/**
 * An alert to announce.
 *
 * @param kind     {@code CREATED} or {@code REOPENED}
 * @param sighting where it was seen (redacted secret and hash only)
 * @param finding  the engine's finding, including the in-memory plaintext secret: never store or log it
 */
public record AlertNotice(long alertId, RecordOutcome.Kind kind, Sighting sighting, Finding finding) {
}
