package dev.akguard.monitor.model;

/** Outcome of checking a leaked pair against STS GetCallerIdentity. Never carries the secret. */
public record KeyCheck(
        Validity validity, String accountId, String arn, String identityType, String detail) {
    public static KeyCheck of(Validity v, String detail) {
        return new KeyCheck(v, null, null, null, detail);
    }
}
