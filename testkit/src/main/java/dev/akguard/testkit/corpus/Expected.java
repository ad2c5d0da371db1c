package dev.akguard.testkit.corpus;

/**
 * A finding the corpus promises: rule id, AccessKey ID, the paired secret (null for an ID alone),
 * and for STS credentials their security token (null when the text has none, or when the token
 * stands in for a missing secret).
 */
public record Expected(String ruleId, String accessKeyId, String secret, String securityToken) {
    public static Expected pair(String id, String secret) {
        return new Expected("alibaba-access-key-pair", id, secret, null);
    }

    public static Expected idOnly(String id) {
        return new Expected("alibaba-access-key-id", id, null, null);
    }

    public static Expected sts(String id, String secret) {
        return sts(id, secret, null);
    }

    /** STS credentials with their security token, the third part. */
    public static Expected sts(String id, String secret, String securityToken) {
        return new Expected("alibaba-sts-credentials", id, secret, securityToken);
    }
}
