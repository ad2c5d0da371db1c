package dev.akguard.monitor.alibaba;

import java.time.Instant;

/**
 * One AccessKey of a RAM user, as RAM lists it. `createDate` is null when RAM sent none or an
 * unreadable one.
 */
public record AccessKeyEntry(
        String userName, String userId, String accessKeyId, String status, Instant createDate) {
    public boolean active() {
        return "Active".equalsIgnoreCase(status);
    }
}
