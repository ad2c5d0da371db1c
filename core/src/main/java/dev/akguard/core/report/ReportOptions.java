package dev.akguard.core.report;

import java.time.Instant;
import java.util.Map;

/**
 * @param showSecrets print full secrets (only when the user asked with --show-secrets)
 * @param toolVersion akguard's version, for SARIF
 * @param validity live-check verdicts by finding fingerprint (VALID, INVALID, DISABLED, UNKNOWN),
 *     only with --verify; empty otherwise, and then no output mentions validity
 * @param revision the commit being scanned when the findings carry none (CI's checkout), for
 *     reports that need one (GitLab's); null when unknown
 * @param startedAt when the scan started, for reports that record it (GitLab's)
 */
public record ReportOptions(
        boolean showSecrets,
        String toolVersion,
        Map<String, String> validity,
        String revision,
        Instant startedAt) {
    public static final ReportOptions DEFAULT = new ReportOptions(false, Version.get());

    public ReportOptions {
        validity = validity == null ? Map.of() : Map.copyOf(validity);
        if (startedAt == null) startedAt = Instant.now();
    }

    public ReportOptions(boolean showSecrets, String toolVersion) {
        this(showSecrets, toolVersion, Map.of(), null, Instant.now());
    }

    public ReportOptions withValidity(Map<String, String> byFingerprint) {
        return new ReportOptions(showSecrets, toolVersion, byFingerprint, revision, startedAt);
    }

    public ReportOptions withRevision(String rev, Instant started) {
        return new ReportOptions(showSecrets, toolVersion, validity, rev, started);
    }

    /** The verdict for a finding, or null when it was not checked. */
    public String validityOf(dev.akguard.core.finding.Finding f) {
        return validity.get(f.fingerprint());
    }
}
