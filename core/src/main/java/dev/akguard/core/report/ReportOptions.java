package dev.akguard.core.report;

/**
 * @param showSecrets print full secrets (only when the user asked with --show-secrets)
 * @param toolVersion akguard's version, for SARIF
 */
public record ReportOptions(boolean showSecrets, String toolVersion) {
    public static final ReportOptions DEFAULT = new ReportOptions(false, Version.get());
}
