package dev.akguard.monitor.anomaly;

import dev.akguard.monitor.model.CallRecord;
import dev.akguard.monitor.settings.SettingsException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Runs the enabled anomaly rules over call records. Entry point for `monitor anomalies` and for the
 * watcher after it fetches calls: {@link #detect} for everything the records show, {@link
 * #detectNew} for only what was not raised before.
 */
public final class AnomalyDetector {
    private static final Comparator<CallRecord> BY_TIME =
            Comparator.comparing(CallRecord::eventTime)
                    .thenComparing(r -> r.eventId() == null ? "" : r.eventId());

    private final List<AnomalyRule> rules;

    public AnomalyDetector(List<AnomalyRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The detector the settings describe. A relative threat-list path is resolved against {@code
     * baseDir} (the directory of the settings or config file).
     */
    public static AnomalyDetector fromSettings(AnomalySettings s, Path baseDir) {
        s.validate();
        List<AnomalyRule> rules = new ArrayList<>();
        if (s.threatIp.enabled)
            rules.add(new ThreatIpRule(threatList(s.threatIp.listFile, baseDir)));
        if (s.sharedIp.enabled) {
            rules.add(
                    new SharedIpRule(
                            s.sharedIp.minDistinctUsers,
                            s.sharedIp.minDistinctAccounts,
                            Duration.ofMinutes(s.sharedIp.windowMinutes)));
        }
        if (s.sensitiveApi.enabled) rules.add(new SensitiveApiRule(s.sensitiveApi.apis));
        if (s.leakedKeyUsed.enabled)
            rules.add(
                    new LeakedKeyUsedRule(
                            s.leakedKeyUsed.ownCheckUserAgent, s.leakedKeyUsed.ownCheckEventName));
        if (s.rateSpike.enabled) {
            rules.add(
                    new RateSpikeRule(
                            s.rateSpike.k,
                            s.rateSpike.minHistoryHours,
                            s.rateSpike.baselineHours,
                            s.rateSpike.minCount));
        }
        if (s.rootKey.enabled) rules.add(new RootKeyRule(s.rootKey.identityTypes));
        return new AnomalyDetector(rules);
    }

    private static ThreatList threatList(String file, Path baseDir) {
        if (file == null || file.isBlank()) return ThreatList.empty();
        Path path = baseDir == null ? Path.of(file) : baseDir.resolve(file);
        try {
            return ThreatList.load(path);
        } catch (IOException e) {
            throw new SettingsException(
                    "cannot read the threat list "
                            + path
                            + ": "
                            + e.getMessage()
                            + ". Fix threatIp.listFile in the anomaly settings or disable the rule.",
                    e);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage(), e);
        }
    }

    public List<AnomalyType> enabledRules() {
        return rules.stream().map(AnomalyRule::type).toList();
    }

    /**
     * Every anomaly in the records, ordered by time then type. Records without a time or key are
     * skipped.
     */
    public List<RaisedAnomaly> detect(List<CallRecord> records, DetectionContext context) {
        List<CallRecord> usable =
                records.stream()
                        .filter(
                                r ->
                                        r.eventTime() != null
                                                && r.accessKeyId() != null
                                                && !r.accessKeyId().isEmpty())
                        .sorted(BY_TIME)
                        .toList();
        List<RaisedAnomaly> out = new ArrayList<>();
        for (AnomalyRule rule : rules) out.addAll(rule.evaluate(usable, context));
        out.sort(
                Comparator.comparing((RaisedAnomaly a) -> a.anomaly().at())
                        .thenComparing(RaisedAnomaly::dedupeKey));
        return out;
    }

    /** Only the anomalies whose dedupe key the ledger has not seen; records them in the ledger. */
    public List<RaisedAnomaly> detectNew(
            List<CallRecord> records, DetectionContext context, AnomalyLedger ledger) {
        Objects.requireNonNull(ledger, "ledger");
        return detect(records, context).stream().filter(ledger::recordIfNew).toList();
    }
}
