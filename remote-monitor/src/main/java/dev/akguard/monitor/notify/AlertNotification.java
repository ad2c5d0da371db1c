package dev.akguard.monitor.notify;

import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.redact.Redaction;

/**
 * What a leak notification says. It can only hold the redacted secret: the constructor refuses
 * anything else.
 *
 * @param alertId the alert's id in the store
 * @param secretRedacted first 3 characters + "…" (or sha256:hex), never the secret
 * @param accountId the Alibaba Cloud account the key belongs to, when validation told us (may be
 *     null)
 * @param line 1-based line of the AccessKey ID in the file (may be null)
 * @param url link to the occurrence on GitHub (may be null)
 */
public record AlertNotification(
        long alertId,
        String accessKeyId,
        String secretRedacted,
        Validity validity,
        String accountId,
        String repo,
        String path,
        Integer line,
        String url) {
    public AlertNotification {
        Redaction.requireRedacted(secretRedacted);
        if (accessKeyId == null || accessKeyId.isBlank())
            throw new IllegalArgumentException("accessKeyId is required");
        if (validity == null) validity = Validity.UNVERIFIED;
    }
}
