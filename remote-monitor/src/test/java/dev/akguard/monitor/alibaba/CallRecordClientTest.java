package dev.akguard.monitor.alibaba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.CallRecord;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.testkit.alibaba.AlibabaCloudEmulator;
import dev.akguard.testkit.alibaba.EmulatedAccount;
import dev.akguard.testkit.alibaba.EmulatedKey;
import dev.akguard.testkit.alibaba.RecordedRequest;
import dev.akguard.testkit.alibaba.TrailEvent;
import dev.akguard.testkit.fixtures.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ActionTrail lookups through the official SDK: paging, the rate limit, throttling, regions, odd
 * events.
 */
class CallRecordClientTest {
    private static final Backoff FAST =
            Backoff.jittered(4, Duration.ofMillis(10), Duration.ofMillis(100));

    private AlibabaCloudEmulator emu;
    private EmulatedAccount account;
    private EmulatedKey leaked;
    private CallRecordClient client;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void start() {
        emu = AlibabaCloudEmulator.start();
        account = emu.addAccount();
        leaked = account.addUser("ci").addKey();
        account.addUser("security-admin").addKey();
        // Most tests are not about pacing: a fast limiter keeps them quick; the paging test uses
        // the real rate.
        emu.trail().noRateLimit();
        client = client(new RateLimiter(50));
    }

    private CallRecordClient client(RateLimiter limiter) {
        EmulatedKey admin = emu.key(adminId()).orElseThrow();
        return new CallRecordClient(
                new AdminCredentials(admin.id(), admin.secret(), null, "test"),
                AlibabaEndpoint.override(emu.url()),
                FAST,
                Duration.ofSeconds(5),
                limiter,
                new RecordingSleeper()::sleep);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private void seed(int n, String region) {
        List<TrailEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(
                    TrailEvent.of(leaked, "DescribeInstances", now.minus(Duration.ofMinutes(i)))
                            .with("acsRegion", region));
        }
        emu.trail().add(events);
    }

    @Test
    void followsNextTokenAcrossThreePagesWithinTheRateLimit() {
        emu.trail().rateLimit(2, Duration.ofSeconds(1));
        client = client(new RateLimiter(CallRecordClient.DEFAULT_RATE));
        seed(120, "cn-hangzhou");
        emu.trail().add(TrailEvent.of(account.addUser("other").addKey(), "DescribeInstances", now));
        List<CallRecord> records = client.lookup(leaked.id(), null, null, List.of("cn-hangzhou"));
        assertEquals(120, records.size());
        assertTrue(records.stream().allMatch(r -> leaked.id().equals(r.accessKeyId())));
        assertEquals(now, records.get(0).eventTime());
        assertEquals(now.minus(Duration.ofMinutes(119)), records.get(119).eventTime());

        List<RecordedRequest> calls = emu.requests("LookupEvents");
        assertEquals(3, calls.size(), "120 events in pages of 50: " + calls);
        assertTrue(
                calls.stream().allMatch(RecordedRequest::succeeded),
                "the emulator's 2/s limit was never hit");
        assertEquals("EventAccessKeyId", calls.get(0).param("LookupAttribute.1.Key"));
        assertEquals(leaked.id(), calls.get(0).param("LookupAttribute.1.Value"));
        assertEquals("50", calls.get(0).param("MaxResults"));
        assertNull(calls.get(0).param("NextToken"));
        assertTrue(
                calls.get(1).param("NextToken") != null && calls.get(2).param("NextToken") != null);
        // Arrival times at the emulator: consecutive calls at least 1/2 s apart, so no second holds
        // more than 2.
        for (int i = 1; i < calls.size(); i++) {
            long gapMillis = (calls.get(i).nanoTime() - calls.get(i - 1).nanoTime()) / 1_000_000;
            assertTrue(
                    gapMillis >= 500,
                    "requests " + (i - 1) + " and " + i + " only " + gapMillis + " ms apart");
        }
        assertTrue(calls.get(2).nanoTime() - calls.get(0).nanoTime() >= 1_000_000_000L);
    }

    @Test
    void recoversFromThrottling() {
        seed(3, "cn-hangzhou");
        emu.faults().throttleNext(2, "LookupEvents");
        assertEquals(3, client.lookup(leaked.id(), null, null, List.of("cn-hangzhou")).size());
        List<RecordedRequest> calls = emu.requests("LookupEvents");
        assertEquals(
                List.of("Throttling.User", "Throttling.User"),
                calls.subList(0, 2).stream().map(RecordedRequest::errorCode).toList());
        assertTrue(calls.get(2).succeeded());
    }

    @Test
    void endlessThrottlingFailsWithAClearMessage() {
        emu.faults().throttleAlways("LookupEvents");
        CallRecordException e =
                assertThrows(
                        CallRecordException.class,
                        () -> client.lookup(leaked.id(), null, null, List.of("cn-hangzhou")));
        assertEquals("Throttling.User", e.errorCode());
        assertTrue(e.getMessage().contains("try again later"), e.getMessage());
        assertEquals(FAST.maxAttempts(), emu.requests("LookupEvents").size());
    }

    @Test
    void queriesEachRegionAndSendsTheTimeRange() {
        seed(2, "cn-hangzhou");
        emu.trail()
                .add(
                        TrailEvent.of(leaked, "ListBuckets", now.minusSeconds(30))
                                .with("acsRegion", "cn-shanghai"));
        Instant from = now.minus(Duration.ofDays(2));
        List<CallRecord> records =
                client.lookup(leaked.id(), from, now, List.of("cn-hangzhou", "cn-shanghai"));
        assertEquals(3, records.size());
        assertEquals(
                List.of("cn-hangzhou", "cn-hangzhou", "cn-shanghai"),
                records.stream().map(CallRecord::acsRegion).sorted().toList());
        List<RecordedRequest> calls = emu.requests("LookupEvents");
        assertEquals(
                List.of("cn-hangzhou", "cn-shanghai"),
                calls.stream().map(c -> c.param("RegionId")).toList());
        assertEquals(from.toString(), calls.get(0).param("StartTime"));
        assertEquals(now.toString(), calls.get(0).param("EndTime"));
    }

    @Test
    void anEventSeenInSeveralRegionsIsReportedOnce() {
        // Without acsRegion the emulator shows the event to every region, as global services'
        // events can be.
        emu.trail().add(TrailEvent.of(leaked, "GetCallerIdentity", now).without("acsRegion"));
        List<CallRecord> records =
                client.lookup(leaked.id(), null, null, List.of("cn-hangzhou", "cn-beijing"));
        assertEquals(1, records.size());
        assertEquals(2, emu.requests("LookupEvents").size());
    }

    @Test
    void toleratesOddEvents() {
        emu.trail()
                .add(
                        TrailEvent.of(leaked, "PutObject", now)
                                .with("userIdentity.type", "some-future-type")
                                .with("userIdentity.accountId", Long.parseLong(account.id()))
                                .without("userAgent")
                                .without("sourceIpAddress")
                                .without("userIdentity.userName")
                                .with("errorCode", "NoPermission"));
        // An event with no accountId at all (the emulator then shows it to every account).
        emu.trail()
                .add(
                        TrailEvent.raw(
                                Map.of(
                                        "eventTime",
                                        now.minusSeconds(5).toString(),
                                        "eventName",
                                        "Odd",
                                        "userIdentity",
                                        Map.of("accessKeyId", leaked.id()))));
        List<CallRecord> records = client.lookup(leaked.id(), null, null, List.of("cn-hangzhou"));
        assertEquals(2, records.size());
        CallRecord r = records.get(0);
        assertEquals("some-future-type", r.identityType());
        assertEquals(account.id(), r.accountId(), "a numeric account id keeps all its digits");
        assertNull(r.userAgent());
        assertNull(r.sourceIpAddress());
        assertNull(r.userName());
        assertEquals("NoPermission", r.errorCode());
        assertEquals("Write", r.eventRW());
        CallRecord odd = records.get(1);
        assertEquals("Odd", odd.eventName());
        assertNull(odd.eventId());
        assertNull(odd.serviceName());
    }

    @Test
    void badArgumentsAreRefusedBeforeAnyCall() {
        assertThrows(
                IllegalArgumentException.class,
                () -> client.lookup(leaked.id(), now, null, List.of("cn-hangzhou")));
        assertThrows(
                IllegalArgumentException.class,
                () -> client.lookup(leaked.id(), now, now.minusSeconds(1), List.of("cn-hangzhou")));
        assertThrows(
                IllegalArgumentException.class,
                () -> client.lookup(leaked.id(), null, null, List.of()));
        assertTrue(emu.requests().isEmpty());
    }

    @Test
    void deniedAdminIsToldWhichPolicyToGrant() {
        emu.key(adminId()).orElseThrow().deny("LookupEvents");
        CallRecordException e =
                assertThrows(
                        CallRecordException.class,
                        () -> client.lookup(leaked.id(), null, null, List.of("cn-hangzhou")));
        assertEquals("NoPermission", e.errorCode());
        assertTrue(e.getMessage().contains("AliyunActionTrailReadOnlyAccess"), e.getMessage());
    }

    private String adminId() {
        return account.user("security-admin").orElseThrow().keys().get(0).id();
    }
}
