package dev.akguard.core.detect;

import dev.akguard.core.finding.Rule;

/**
 * A raw detection: byte offsets into the scanned buffer, before positions, suppression and
 * reporting. {@code secretStart} is -1 when the ID has no secret; {@code tokenStart} is -1 when no
 * STS security token is attached (always for RAM user keys). For decoded forms the offsets point at
 * the encoded text in the original buffer.
 */
public record Match(
        Rule rule,
        int idStart,
        int idEnd,
        String accessKeyId,
        int secretStart,
        int secretEnd,
        String secret,
        int tokenStart,
        int tokenEnd,
        String token,
        String encoding) {

    /** A match without a security token. */
    public Match(
            Rule rule,
            int idStart,
            int idEnd,
            String accessKeyId,
            int secretStart,
            int secretEnd,
            String secret,
            String encoding) {
        this(
                rule,
                idStart,
                idEnd,
                accessKeyId,
                secretStart,
                secretEnd,
                secret,
                -1,
                -1,
                null,
                encoding);
    }

    public boolean hasSecret() {
        return secret != null;
    }

    /** The STS security token that goes with the ID and secret (the credentials' third part). */
    public boolean hasToken() {
        return token != null;
    }

    Match withToken(int start, int end, String text) {
        return new Match(
                rule,
                idStart,
                idEnd,
                accessKeyId,
                secretStart,
                secretEnd,
                secret,
                start,
                end,
                text,
                encoding);
    }
}
