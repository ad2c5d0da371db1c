package dev.akguard.monitor.watch;

import dev.akguard.core.finding.Finding;
import dev.akguard.monitor.store.RecordOutcome;
import dev.akguard.monitor.store.Sighting;

/**
 * An alert to announce.
 *
 * @param kind {@code CREATED} or {@code REOPENED}
 * @param sighting where it was seen (redacted secret and hash only)
 * @param finding the engine's finding, including the in-memory plaintext secret: never store or log
 *     it
 * @param securityToken for STS credentials, their security token found next to them (in memory
 *     only), else null
 */
public record AlertNotice(
        long alertId,
        RecordOutcome.Kind kind,
        Sighting sighting,
        Finding finding,
        String securityToken) {

    public AlertNotice(long alertId, RecordOutcome.Kind kind, Sighting sighting, Finding finding) {
        this(alertId, kind, sighting, finding, null);
    }

    @Override
    public String toString() {
        return "AlertNotice[" + alertId + " " + kind + " " + sighting.accessKeyId() + "]";
    }
}
