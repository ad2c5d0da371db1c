package dev.akguard.testkit.alibaba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** STS GetCallerIdentity through the official v1 SDK: every answer a leaked pair can get. */
class EmulatorStsTest {
    private AlibabaCloudEmulator emu;
    private EmulatedAccount account;
    private EmulatedUser user;

    @BeforeEach
    void start() {
        emu = AlibabaCloudEmulator.start();
        account = emu.addAccount();
        user = account.addUser("deploy-bot");
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private GetCallerIdentityResponse identity(EmulatedKey key) throws ClientException {
        return V1Sdk.call(V1Sdk.client(key), new GetCallerIdentityRequest(), emu);
    }

    private ClientException failure(String id, String secret) {
        return assertThrows(
                ClientException.class,
                () -> V1Sdk.call(V1Sdk.client(id, secret), new GetCallerIdentityRequest(), emu));
    }

    @Test
    void ramUserKeyIsIdentified() throws ClientException {
        EmulatedKey key = user.addKey();
        GetCallerIdentityResponse r = identity(key);
        assertEquals(account.id(), r.getAccountId());
        assertEquals("RAMUser", r.getIdentityType());
        assertEquals(user.userId(), r.getUserId());
        assertEquals("acs:ram::" + account.id() + ":user/deploy-bot", r.getArn());
        assertNotNull(r.getRequestId());
        assertNotNull(key.lastUsed(), "a successful call marks the key used");
    }

    @Test
    void rootKeyAndRoleSessionAreIdentified() throws ClientException {
        GetCallerIdentityResponse root = identity(account.addRootKey());
        assertEquals("Account", root.getIdentityType());
        assertEquals("acs:ram::" + account.id() + ":root", root.getArn());

        EmulatedKey session = account.addRoleSession("ops", "ci-run");
        GetCallerIdentityResponse assumed = identity(session);
        assertEquals("AssumedRoleUser", assumed.getIdentityType());
        assertEquals("acs:ram::" + account.id() + ":assumed-role/ops/ci-run", assumed.getArn());
        assertTrue(assumed.getUserId().endsWith(":ci-run"));

        session.expire();
        ClientException expired = assertThrows(ClientException.class, () -> identity(session));
        assertEquals("InvalidSecurityToken.Expired", expired.getErrCode());
    }

    @Test
    void sessionKeyWithoutItsTokenIsRefused() {
        EmulatedKey session = account.addRoleSession("ops", "ci-run");
        ClientException e = failure(session.id(), session.secret());
        assertEquals("MissingSecurityToken", e.getErrCode());
    }

    @Test
    void deniedKeyGetsNoPermission() {
        EmulatedKey key = user.addKey().deny("GetCallerIdentity");
        ClientException e = failure(key.id(), key.secret());
        assertEquals("NoPermission", e.getErrCode());
        assertEquals(403, emu.requests().get(0).status());

        EmulatedKey other = user.addKey().denyWith("Forbidden.RAM", EmulatedKey.ALL_ACTIONS);
        assertEquals("Forbidden.RAM", failure(other.id(), other.secret()).getErrCode());
    }

    @Test
    void unknownIdIsNotFoundWith404() {
        ClientException e = failure(RandomIds.accessKeyId(), RandomIds.secret());
        assertEquals("InvalidAccessKeyId.NotFound", e.getErrCode());
        assertEquals(404, emu.requests().get(0).status());
    }

    @Test
    void wrongSecretIsReportedAsInvalidSecretBecauseStringsToSignAgree() {
        EmulatedKey key = user.addKey();
        ClientException e = failure(key.id(), RandomIds.secret());
        // The SDK says SDK.InvalidAccessKeySecret only when the server's string to sign equals its
        // own.
        assertEquals("SDK.InvalidAccessKeySecret", e.getErrCode());
        RecordedRequest r = emu.requests().get(0);
        assertEquals("SignatureDoesNotMatch", r.errorCode());
        assertEquals(400, r.status());
        assertEquals("V1", r.signatureVersion());
    }

    @Test
    void disabledKeyIsInactive() {
        EmulatedKey key = user.addKey().disable();
        assertEquals("InvalidAccessKeyId.Inactive", failure(key.id(), key.secret()).getErrCode());
        key.enable();
        assertEquals(account.id(), assertDoesNotThrowIdentity(key).getAccountId());
    }

    private GetCallerIdentityResponse assertDoesNotThrowIdentity(EmulatedKey key) {
        try {
            return identity(key);
        } catch (ClientException e) {
            throw new AssertionError("unexpected " + e.getErrCode(), e);
        }
    }

    @Test
    void throttlingThenRecovery() {
        EmulatedKey key = user.addKey();
        emu.faults().throttleNext(2, "GetCallerIdentity");
        assertEquals("Throttling.User", failure(key.id(), key.secret()).getErrCode());
        assertEquals("Throttling.User", failure(key.id(), key.secret()).getErrCode());
        assertEquals(account.id(), assertDoesNotThrowIdentity(key).getAccountId());
        emu.faults().throttleNextWith429(1, null);
        assertEquals("Throttling", failure(key.id(), key.secret()).getErrCode());
        assertEquals(429, emu.requests().get(3).status());
    }

    @Test
    void faultsForOtherActionsDoNotApply() {
        EmulatedKey key = user.addKey();
        emu.faults().throttleNext(1, "ListUsers");
        assertEquals(account.id(), assertDoesNotThrowIdentity(key).getAccountId());
    }

    @Test
    void serverErrorsAreServerExceptions() {
        EmulatedKey key = user.addKey();
        emu.faults().failNext(1, 500).failNext(1, 503);
        ClientException e500 = failure(key.id(), key.secret());
        assertInstanceOf(ServerException.class, e500);
        assertEquals("InternalError", e500.getErrCode());
        ClientException e503 = failure(key.id(), key.secret());
        assertInstanceOf(ServerException.class, e503);
        assertEquals("ServiceUnavailable", e503.getErrCode());
        assertEquals(
                List.of(500, 503), emu.requests().stream().map(RecordedRequest::status).toList());
    }

    @Test
    void slowAnswerTimesTheSdkOut() {
        EmulatedKey key = user.addKey();
        emu.faults().delayNext(1, Duration.ofSeconds(3));
        GetCallerIdentityRequest request = new GetCallerIdentityRequest();
        request.setSysEndpoint(emu.endpoint());
        request.setSysProtocol(com.aliyuncs.http.ProtocolType.HTTP);
        request.setSysReadTimeout(300);
        ClientException e =
                assertThrows(
                        ClientException.class, () -> V1Sdk.client(key).getAcsResponse(request));
        assertEquals("SDK.ReadTimeout", e.getErrCode());
    }

    @Test
    void requestLogShowsWhatTheClientSent() throws ClientException {
        EmulatedKey key = user.addKey();
        identity(key);
        RecordedRequest r = emu.requests("GetCallerIdentity").get(0);
        assertEquals(key.id(), r.accessKeyId());
        assertEquals("2015-04-01", r.version());
        assertEquals("HMAC-SHA1", r.param("SignatureMethod"));
        assertFalse(r.params().containsKey("Signature"));
        assertTrue(r.succeeded());
    }
}
