package dev.akguard.console.service;

import dev.akguard.monitor.act.KeyOwner;
import dev.akguard.monitor.calls.StoredAnomaly;
import dev.akguard.monitor.model.CallRecord;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.AlertStore;
import java.util.List;
import java.util.Optional;

/**
 * Everything the leak detail page shows: the alert with occurrences and history, the last
 * verification, the owner from the RAM inventory ({@code inventorySynced} false: unknown), stored
 * call records (oldest first) and linked anomalies.
 */
public record AlertDetail(
        Alert alert,
        Optional<AlertStore.VerifyDetails> verification,
        Optional<KeyOwner> owner,
        boolean inventorySynced,
        List<CallRecord> calls,
        List<StoredAnomaly> anomalies) {}
