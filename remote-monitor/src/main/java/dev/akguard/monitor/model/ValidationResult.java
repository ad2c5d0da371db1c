package dev.akguard.monitor.model;

/** Outcome of checking a leaked pair against STS GetCallerIdentity. Never carries the secret. */
public record ValidationResult(Validity validity, String accountId, String arn, String identityType, String detail) {
    public static ValidationResult of(Validity v, String detail) { return new ValidationResult(v, null, null, null, detail); }
}
