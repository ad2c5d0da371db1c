package dev.akguard.monitor.watch;

import dev.akguard.core.finding.Finding;
import dev.akguard.monitor.store.RecordOutcome;
import dev.akguard.monitor.store.Sighting;

/**
 * An alert to announce.
 *
 * @param kind {@code CREATED} or {@code REOPENED}
 * @param sighting where it was seen (redacted secret and hash only)
 * @param finding the engine's finding, including the in-memory plaintext secret and, for STS
 *     credentials, their security token: never store or log them
 */
public record AlertNotice(
        long alertId, RecordOutcome.Kind kind, Sighting sighting, Finding finding) {

    /** For STS credentials, the security token found with them (in memory only), else null. */
    public String securityToken() {
        return finding.hasSecurityToken() ? finding.securityToken().value() : null;
    }

    @Override
    public String toString() {
        return "AlertNotice[" + alertId + " " + kind + " " + sighting.accessKeyId() + "]";
    }
}
