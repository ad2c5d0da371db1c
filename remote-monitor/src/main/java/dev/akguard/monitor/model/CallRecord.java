package dev.akguard.monitor.model;

import java.time.Instant;

/**
 * One ActionTrail event made with an AccessKey. The first nine fields are the DESIGN.md `calls`
 * JSON shape; the identity fields feed the anomaly rules.
 */
public record CallRecord(
        Instant eventTime,
        String eventName,
        String serviceName,
        String sourceIpAddress,
        String acsRegion,
        String eventRW,
        String errorCode,
        String userAgent,
        String userName,
        String accessKeyId,
        String accountId,
        String identityType,
        String eventId) {}
