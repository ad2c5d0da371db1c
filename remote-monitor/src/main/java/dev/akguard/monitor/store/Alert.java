package dev.akguard.monitor.store;

import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.model.HandlingMethod;
import dev.akguard.monitor.model.Validity;
import java.time.Instant;
import java.util.List;

/**
 * One leaked AccessKey pair (ID + secret hash) and everything known about it. Holds the secret only
 * redacted and hashed.
 */
public record Alert(
        long id,
        String accessKeyId,
        String secretRedacted,
        String secretSha256,
        AlertStatus status,
        HandlingMethod handlingMethod,
        Validity validity,
        String accountId,
        Instant firstSeen,
        Instant lastSeen,
        List<Occurrence> occurrences,
        List<HistoryEntry> history) {}
