package dev.akguard.core.detect;

import dev.akguard.core.finding.Rule;

/**
 * A raw detection: byte offsets into the scanned buffer, before positions, suppression and
 * reporting. {@code secretStart} is -1 when the ID has no secret. For decoded forms the offsets
 * point at the encoded text in the original buffer.
 */
public record Match(
        Rule rule,
        int idStart,
        int idEnd,
        String accessKeyId,
        int secretStart,
        int secretEnd,
        String secret,
        String encoding) {
    public boolean hasSecret() {
        return secret != null;
    }
}
