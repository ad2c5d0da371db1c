package dev.akguard.monitor.model;

/** Whether a leaked AccessKey pair still works, as far as Alibaba Cloud tells us. */
public enum Validity {
    /** The signature was accepted (including NoPermission / Forbidden answers): the pair works. */
    VALID,
    /** The AccessKey ID does not exist, or the secret does not match it. */
    INVALID,
    /** The key exists but is disabled (InvalidAccessKeyId.Inactive). */
    DISABLED,
    /** Network failure, throttling or a server error: try again later. */
    UNKNOWN,
    /** Not checked yet. */
    UNVERIFIED
}
