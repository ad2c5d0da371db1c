package dev.akguard.monitor.anomaly;

import dev.akguard.monitor.model.CallRecord;
import dev.akguard.testkit.corpus.FakeKeys;
import java.time.Instant;
import java.util.Random;

/**
 * Builds crafted call records; AccessKey IDs are made at run time so no realistic key sits in the
 * repo.
 */
final class Calls {
    private static final Random RANDOM = new Random(7);
    private static int nextEvent;

    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    private Calls() {}

    static synchronized String keyId() {
        return FakeKeys.accessKeyId(RANDOM);
    }

    static Builder call(String keyId, Instant at) {
        return new Builder(keyId, at);
    }

    static final class Builder {
        private final String keyId;
        private final Instant at;
        private String eventName = "DescribeInstances";
        private String ip = "198.51.100.7";
        private String user = "alice";
        private String account = "1000000000000001";
        private String identityType = "ram-user";
        private String userAgent = "aliyun-cli";
        private String errorCode;

        Builder(String keyId, Instant at) {
            this.keyId = keyId;
            this.at = at;
        }

        Builder api(String v) {
            eventName = v;
            return this;
        }

        Builder ip(String v) {
            ip = v;
            return this;
        }

        Builder user(String v) {
            user = v;
            return this;
        }

        Builder account(String v) {
            account = v;
            return this;
        }

        Builder identityType(String v) {
            identityType = v;
            return this;
        }

        Builder userAgent(String v) {
            userAgent = v;
            return this;
        }

        Builder error(String v) {
            errorCode = v;
            return this;
        }

        CallRecord build() {
            synchronized (Calls.class) {
                nextEvent++;
            }
            return new CallRecord(
                    at,
                    eventName,
                    "ecs",
                    ip,
                    "cn-hangzhou",
                    "Read",
                    errorCode,
                    userAgent,
                    user,
                    keyId,
                    account,
                    identityType,
                    "evt-" + nextEvent);
        }
    }
}
