package dev.akguard.testkit.alibaba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.actiontrail.model.v20200706.LookupEventsRequest;
import com.aliyuncs.actiontrail.model.v20200706.LookupEventsResponse;
import com.aliyuncs.exceptions.ClientException;
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
 * ActionTrail LookupEvents through the official v1 SDK: filters, time range, paging, rate limit.
 */
class EmulatorActionTrailTest {
    private AlibabaCloudEmulator emu;
    private EmulatedAccount account;
    private DefaultAcsClient admin;
    private EmulatedKey leaked;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void start() {
        emu = AlibabaCloudEmulator.start();
        emu.trail().noRateLimit();
        account = emu.addAccount();
        admin = V1Sdk.client(account.addRootKey());
        leaked = account.addUser("ci").addKey();
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    /**
     * The SDK turns attributes into parameters inside setLookupAttributes, so the list must be
     * complete then.
     */
    private static LookupEventsRequest byKey(String keyId, String... moreKeyValues) {
        LookupEventsRequest req = new LookupEventsRequest();
        List<LookupEventsRequest.LookupAttribute> attributes = new ArrayList<>();
        attributes.add(attribute("EventAccessKeyId", keyId));
        for (int i = 0; i < moreKeyValues.length; i += 2) {
            attributes.add(attribute(moreKeyValues[i], moreKeyValues[i + 1]));
        }
        req.setLookupAttributes(attributes);
        return req;
    }

    private static LookupEventsRequest.LookupAttribute attribute(String key, String value) {
        LookupEventsRequest.LookupAttribute a = new LookupEventsRequest.LookupAttribute();
        a.setKey(key);
        a.setValue(value);
        return a;
    }

    @Test
    void pagesThroughEventsOfOneKeyNewestFirst() throws ClientException {
        for (int i = 0; i < 7; i++) {
            emu.trail()
                    .add(
                            TrailEvent.of(
                                    leaked, "DescribeInstances", now.minus(Duration.ofMinutes(i))));
        }
        emu.trail().add(TrailEvent.of(account.addUser("other").addKey(), "DescribeInstances", now));
        List<Map<Object, Object>> all = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            LookupEventsRequest req = byKey(leaked.id());
            req.setMaxResults("3");
            if (token != null) {
                req.setNextToken(token);
            }
            LookupEventsResponse r = V1Sdk.call(admin, req, emu);
            all.addAll(r.getEvents());
            token = r.getNextToken();
            pages++;
        } while (token != null && !token.isEmpty());
        assertEquals(3, pages);
        assertEquals(7, all.size());
        assertEquals(now.toString(), all.get(0).get("eventTime"));
        assertEquals(now.minus(Duration.ofMinutes(6)).toString(), all.get(6).get("eventTime"));
        for (Map<Object, Object> e : all) {
            assertEquals(leaked.id(), ((Map<?, ?>) e.get("userIdentity")).get("accessKeyId"));
        }
    }

    @Test
    void attributesAreAndedAndTimeRangeApplies() throws ClientException {
        emu.trail()
                .add(
                        TrailEvent.of(leaked, "DescribeInstances", now.minus(Duration.ofHours(1))),
                        TrailEvent.of(leaked, "CreateInstance", now.minus(Duration.ofHours(2))),
                        TrailEvent.of(leaked, "CreateInstance", now.minus(Duration.ofDays(10))));
        LookupEventsRequest req = byKey(leaked.id(), "EventName", "CreateInstance");
        assertEquals(
                1,
                V1Sdk.call(admin, req, emu).getEvents().size(),
                "default window is the last 7 days");

        LookupEventsRequest wide = byKey(leaked.id());
        wide.setStartTime(now.minus(Duration.ofDays(30)).toString());
        wide.setEndTime(now.toString());
        assertEquals(3, V1Sdk.call(admin, wide, emu).getEvents().size());
        assertEquals(
                now.minus(Duration.ofDays(30)).toString(),
                emu.requests().get(1).param("StartTime"));
    }

    @Test
    void invalidRequestsAreRefused() {
        LookupEventsRequest onlyStart = byKey(leaked.id());
        onlyStart.setStartTime(now.toString());
        assertEquals(
                "MissingParameter",
                assertThrows(ClientException.class, () -> V1Sdk.call(admin, onlyStart, emu))
                        .getErrCode());

        LookupEventsRequest tooMany = byKey(leaked.id());
        tooMany.setMaxResults("51");
        assertEquals(
                "InvalidParameter",
                assertThrows(ClientException.class, () -> V1Sdk.call(admin, tooMany, emu))
                        .getErrCode());

        LookupEventsRequest three = byKey(leaked.id(), "EventName", "x", "EventRW", "Read");
        assertEquals(
                "InvalidParameter",
                assertThrows(ClientException.class, () -> V1Sdk.call(admin, three, emu))
                        .getErrCode());
    }

    @Test
    void rateLimitThrottlesBursts() throws ClientException {
        emu.trail().rateLimit(2, Duration.ofSeconds(5));
        V1Sdk.call(admin, byKey(leaked.id()), emu);
        V1Sdk.call(admin, byKey(leaked.id()), emu);
        ClientException e =
                assertThrows(
                        ClientException.class, () -> V1Sdk.call(admin, byKey(leaked.id()), emu));
        assertEquals("Throttling.User", e.getErrCode());
    }

    @Test
    void oddEventsPassThroughUntouched() throws ClientException {
        emu.trail()
                .add(
                        TrailEvent.of(leaked, "GetObject", now)
                                .with("userIdentity.type", "some-new-type")
                                .without("userAgent")
                                .without("sourceIpAddress"));
        Map<Object, Object> e = V1Sdk.call(admin, byKey(leaked.id()), emu).getEvents().get(0);
        assertEquals("some-new-type", ((Map<?, ?>) e.get("userIdentity")).get("type"));
        assertTrue(!e.containsKey("userAgent") && !e.containsKey("sourceIpAddress"));
    }
}
