package dev.akguard.testkit.corpus;

/**
 * A finding the corpus promises: rule id, AccessKey ID, and the paired secret (null for an ID
 * alone).
 */
public record Expected(String ruleId, String accessKeyId, String secret) {
    public static Expected pair(String id, String secret) {
        return new Expected("alibaba-access-key-pair", id, secret);
    }

    public static Expected idOnly(String id) {
        return new Expected("alibaba-access-key-id", id, null);
    }

    public static Expected sts(String id, String secret) {
        return new Expected("alibaba-sts-credentials", id, secret);
    }
}
