package dev.akguard.monitor.alibaba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.KeyCheck;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.testkit.alibaba.AlibabaCloudEmulator;
import dev.akguard.testkit.alibaba.EmulatedAccount;
import dev.akguard.testkit.alibaba.EmulatedKey;
import dev.akguard.testkit.alibaba.EmulatedUser;
import dev.akguard.testkit.alibaba.RecordedRequest;
import dev.akguard.testkit.corpus.FakeKeys;
import dev.akguard.testkit.fixtures.RecordingSleeper;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every validation outcome, through the official SDK against the emulator. */
class KeyValidatorTest {
    private static final Random RANDOM = new Random();
    private static final Backoff FAST =
            Backoff.jittered(4, Duration.ofMillis(100), Duration.ofSeconds(2));

    private AlibabaCloudEmulator emu;
    private EmulatedAccount account;
    private EmulatedUser user;
    private RecordingSleeper sleeper;
    private KeyValidator validator;

    @BeforeEach
    void start() {
        emu = AlibabaCloudEmulator.start();
        account = emu.addAccount();
        user = account.addUser("leaky");
        sleeper = new RecordingSleeper();
        validator =
                new KeyValidator(
                        AlibabaEndpoint.override(emu.url()),
                        FAST,
                        Duration.ofSeconds(5),
                        sleeper::sleep);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    static String randomSecret() {
        return FakeKeys.secret(RANDOM);
    }

    static String randomId() {
        return FakeKeys.accessKeyId(RANDOM);
    }

    private List<RecordedRequest> stsCalls() {
        return emu.requests("GetCallerIdentity");
    }

    @Test
    void validPairReportsWhoOwnsIt() {
        EmulatedKey key = user.addKey();
        KeyCheck r = validator.validate(key.id(), key.secret());
        assertEquals(Validity.VALID, r.validity());
        assertEquals(account.id(), r.accountId());
        assertEquals("acs:ram::" + account.id() + ":user/leaky", r.arn());
        assertEquals("RAMUser", r.identityType());
        RecordedRequest sent = stsCalls().get(0);
        assertEquals(key.id(), sent.accessKeyId());
        assertEquals("2015-04-01", sent.version());
    }

    @Test
    void rootKeyAndStsSessionAreValid() {
        assertEquals(
                "Account",
                validator
                        .validate(account.addRootKey().id(), account.rootKeys().get(0).secret())
                        .identityType());
        EmulatedKey session = account.addRoleSession("deployer", "s1");
        KeyCheck r = validator.validate(session.id(), session.secret(), session.securityToken());
        assertEquals(Validity.VALID, r.validity());
        assertEquals("AssumedRoleUser", r.identityType());
    }

    @Test
    void stsCredentialsNeedTheirLiveToken() {
        EmulatedKey session = account.addRoleSession("deployer", "s2");
        KeyCheck noToken = validator.validate(session.id(), session.secret());
        assertEquals(Validity.UNKNOWN, noToken.validity());
        assertTrue(noToken.detail().contains("security token"), noToken.detail());
        assertTrue(emu.requests().isEmpty(), "nothing to ask without the token");
        session.expire();
        KeyCheck expired =
                validator.validate(session.id(), session.secret(), session.securityToken());
        assertEquals(Validity.INVALID, expired.validity());
        assertTrue(expired.detail().contains("InvalidSecurityToken.Expired"), expired.detail());
    }

    @Test
    void noPermissionStillMeansValid() {
        EmulatedKey key = user.addKey().deny("GetCallerIdentity");
        KeyCheck r = validator.validate(key.id(), key.secret());
        assertEquals(Validity.VALID, r.validity());
        assertNull(r.accountId());
        assertTrue(r.detail().contains("NoPermission"), r.detail());
        EmulatedKey forbidden = user.addKey().denyWith("Forbidden.RAM", "*");
        assertEquals(
                Validity.VALID, validator.validate(forbidden.id(), forbidden.secret()).validity());
        assertEquals(2, stsCalls().size(), "a verdict needs no retry");
    }

    @Test
    void unknownIdIsInvalid() {
        KeyCheck r = validator.validate(randomId(), randomSecret());
        assertEquals(Validity.INVALID, r.validity());
        assertTrue(r.detail().contains("InvalidAccessKeyId.NotFound"), r.detail());
        assertEquals(1, stsCalls().size());
    }

    @Test
    void wrongSecretIsInvalidAndNeverEchoed() {
        EmulatedKey key = user.addKey();
        String wrong = randomSecret();
        KeyCheck r = validator.validate(key.id(), wrong);
        assertEquals(Validity.INVALID, r.validity());
        assertTrue(r.detail().contains("SDK.InvalidAccessKeySecret"), r.detail());
        assertFalse(r.toString().contains(wrong));
        assertFalse(r.toString().contains(key.secret()));
    }

    @Test
    void disabledKeyIsDisabled() {
        EmulatedKey key = user.addKey().disable();
        assertEquals(Validity.DISABLED, validator.validate(key.id(), key.secret()).validity());
    }

    @Test
    void throttledThenOkRetriesWithGrowingBackoff() {
        EmulatedKey key = user.addKey();
        emu.faults().throttleNext(2, "GetCallerIdentity");
        KeyCheck r = validator.validate(key.id(), key.secret());
        assertEquals(Validity.VALID, r.validity());
        List<RecordedRequest> calls = stsCalls();
        assertEquals(3, calls.size());
        assertEquals(
                List.of("Throttling.User", "Throttling.User"),
                calls.subList(0, 2).stream().map(RecordedRequest::errorCode).toList());
        assertTrue(calls.get(2).succeeded());
        // Each attempt was signed afresh: distinct nonces, or the emulator would have said
        // SignatureNonceUsed.
        assertEquals(3, calls.stream().map(c -> c.param("SignatureNonce")).distinct().count());
        assertEquals(2, sleeper.sleeps().size());
        assertTrue(
                sleeper.sleeps().get(0).toMillis() >= 50
                        && sleeper.sleeps().get(0).toMillis() <= 100,
                sleeper.sleeps().toString());
        assertTrue(
                sleeper.sleeps().get(1).toMillis() >= 100
                        && sleeper.sleeps().get(1).toMillis() <= 200,
                sleeper.sleeps().toString());
    }

    @Test
    void throttledAlwaysIsUnknownAfterBoundedAttempts() {
        EmulatedKey key = user.addKey();
        emu.faults().throttleAlways("GetCallerIdentity");
        KeyCheck r = validator.validate(key.id(), key.secret());
        assertEquals(Validity.UNKNOWN, r.validity());
        assertTrue(r.detail().contains("Throttling.User"), r.detail());
        assertEquals(FAST.maxAttempts(), stsCalls().size());
    }

    @Test
    void http429IsRetriedToo() {
        EmulatedKey key = user.addKey();
        emu.faults().throttleNextWith429(1, null);
        assertEquals(Validity.VALID, validator.validate(key.id(), key.secret()).validity());
        assertEquals(List.of(429, 200), stsCalls().stream().map(RecordedRequest::status).toList());
    }

    @Test
    void serverErrorsAreRetriedThenUnknown() {
        EmulatedKey key = user.addKey();
        emu.faults().failNext(1, 500);
        assertEquals(Validity.VALID, validator.validate(key.id(), key.secret()).validity());
        emu.faults().failNext(10, 503);
        KeyCheck r = validator.validate(key.id(), key.secret());
        assertEquals(Validity.UNKNOWN, r.validity());
        assertTrue(r.detail().contains("ServiceUnavailable"), r.detail());
        assertEquals(2 + FAST.maxAttempts(), stsCalls().size());
    }

    @Test
    void timeoutIsUnknown() {
        EmulatedKey key = user.addKey();
        KeyValidator impatient =
                new KeyValidator(
                        AlibabaEndpoint.override(emu.url()),
                        Backoff.jittered(2, Duration.ofMillis(10), Duration.ofMillis(10)),
                        Duration.ofMillis(300),
                        sleeper::sleep);
        emu.faults().delayNext(2, Duration.ofSeconds(2), "GetCallerIdentity");
        KeyCheck r = impatient.validate(key.id(), key.secret());
        assertEquals(Validity.UNKNOWN, r.validity());
        assertTrue(r.detail().contains("SDK.ReadTimeout"), r.detail());
    }

    @Test
    void unreachableEndpointIsUnknown() {
        String url = emu.url();
        emu.close();
        KeyValidator v =
                new KeyValidator(
                        AlibabaEndpoint.override(url),
                        Backoff.jittered(2, Duration.ZERO, Duration.ZERO),
                        Duration.ofSeconds(1),
                        sleeper::sleep);
        assertEquals(Validity.UNKNOWN, v.validate(randomId(), randomSecret()).validity());
    }

    @Test
    void anUnreachableEndpointNeverPutsTheSignedRequestIntoTheDetail() {
        String url = emu.url();
        emu.close();
        String token = "CAIS" + randomSecret() + randomSecret();
        KeyValidator v =
                new KeyValidator(
                        AlibabaEndpoint.override(url),
                        Backoff.jittered(1, Duration.ZERO, Duration.ZERO),
                        Duration.ofSeconds(1),
                        sleeper::sleep);
        String id = randomId();
        KeyCheck r = v.validate(id, randomSecret(), token);
        assertEquals(Validity.UNKNOWN, r.validity());
        assertTrue(r.detail().contains("SDK.ServerUnreachable"), r.detail());
        assertFalse(r.detail().contains(token), r.detail());
        assertFalse(r.detail().contains("Signature="), r.detail());
        assertFalse(r.detail().contains("AccessKeyId="), r.detail());
        assertTrue(
                r.detail().contains(url.replaceAll("/$", "")),
                "the host is still named: " + r.detail());
    }

    @Test
    void incompletePairIsRefusedClearly() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> validator.validate("LTAIabc", " "));
        assertTrue(e.getMessage().contains("no secret"));
        assertTrue(emu.requests().isEmpty());
    }
}
