package dev.akguard.testkit.alibaba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.aliyun.sts20150401.Client;
import com.aliyun.sts20150401.models.GetCallerIdentityResponseBody;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.SignatureVersion;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signature V3 (ACS3-HMAC-SHA256) as sent by the official tea-based SDK `com.aliyun:sts20150401`
 * and by the v1 core switched to V3: the emulator must accept good signatures and refuse bad ones
 * with the real codes.
 */
class EmulatorSignatureV3Test {
    private AlibabaCloudEmulator emu;
    private EmulatedAccount account;
    private EmulatedUser user;

    @BeforeEach
    void start() {
        emu = AlibabaCloudEmulator.start();
        account = emu.addAccount();
        user = account.addUser("v3-user");
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    /**
     * sts20150401 1.1.4 pins `_signatureAlgorithm = "v2"` (its own RPC V1 signer); clearing it
     * makes tea-openapi's callApi take doRequest, the ACS3-HMAC-SHA256 path every newer tea SDK
     * uses.
     */
    private Client tea(String id, String secret) throws Exception {
        Client client = teaRpc(id, secret);
        client._signatureAlgorithm = null;
        return client;
    }

    private Client teaRpc(String id, String secret) throws Exception {
        return new Client(
                new Config()
                        .setAccessKeyId(id)
                        .setAccessKeySecret(secret)
                        .setEndpoint(emu.endpoint())
                        .setProtocol("http")
                        .setReadTimeout(5000));
    }

    @Test
    void teaSdkOwnV1SignerIsAcceptedToo() throws Exception {
        EmulatedKey key = user.addKey();
        assertEquals(
                account.id(),
                teaRpc(key.id(), key.secret()).getCallerIdentity().getBody().getAccountId());
        assertEquals("V1", emu.requests().get(0).signatureVersion());
        TeaException wrong =
                assertThrows(
                        TeaException.class,
                        () -> teaRpc(key.id(), RandomIds.secret()).getCallerIdentity());
        assertEquals("SignatureDoesNotMatch", wrong.getCode());
    }

    @Test
    void teaSdkValidPair() throws Exception {
        EmulatedKey key = user.addKey();
        GetCallerIdentityResponseBody body =
                tea(key.id(), key.secret()).getCallerIdentity().getBody();
        assertEquals(account.id(), body.getAccountId());
        assertEquals("RAMUser", body.getIdentityType());
        assertEquals("acs:ram::" + account.id() + ":user/v3-user", body.getArn());
        RecordedRequest r = emu.requests().get(0);
        assertEquals("V3", r.signatureVersion());
        assertEquals("GetCallerIdentity", r.action());
        assertEquals(key.id(), r.accessKeyId());
    }

    @Test
    void teaSdkWrongSecretUnknownIdAndDisabledKey() throws Exception {
        EmulatedKey key = user.addKey();
        TeaException wrong =
                assertThrows(
                        TeaException.class,
                        () -> tea(key.id(), RandomIds.secret()).getCallerIdentity());
        assertEquals("SignatureDoesNotMatch", wrong.getCode());
        TeaException unknown =
                assertThrows(
                        TeaException.class,
                        () -> tea(RandomIds.accessKeyId(), RandomIds.secret()).getCallerIdentity());
        assertEquals("InvalidAccessKeyId.NotFound", unknown.getCode());
        key.disable();
        TeaException disabled =
                assertThrows(
                        TeaException.class, () -> tea(key.id(), key.secret()).getCallerIdentity());
        assertEquals("InvalidAccessKeyId.Inactive", disabled.getCode());
        assertEquals(400, emu.requests().get(2).status());
    }

    @Test
    void teaSdkSeesPermissionAndThrottlingErrors() throws Exception {
        EmulatedKey key = user.addKey().deny("GetCallerIdentity");
        assertEquals(
                "NoPermission",
                assertThrows(
                                TeaException.class,
                                () -> tea(key.id(), key.secret()).getCallerIdentity())
                        .getCode());
        EmulatedKey ok = user.addKey();
        emu.faults().throttleNext(1);
        assertEquals(
                "Throttling.User",
                assertThrows(
                                TeaException.class,
                                () -> tea(ok.id(), ok.secret()).getCallerIdentity())
                        .getCode());
    }

    @Test
    void v1CoreSwitchedToV3IsVerifiedToo() throws ClientException {
        EmulatedKey key = user.addKey();
        DefaultAcsClient client = V1Sdk.client(key);
        client.setSignatureVersion(SignatureVersion.V3);
        assertEquals(
                account.id(),
                V1Sdk.call(client, new GetCallerIdentityRequest(), emu).getAccountId());
        assertEquals("V3", emu.requests().get(0).signatureVersion());

        DefaultAcsClient wrong = V1Sdk.client(key.id(), RandomIds.secret());
        wrong.setSignatureVersion(SignatureVersion.V3);
        ClientException e =
                assertThrows(
                        ClientException.class,
                        () -> V1Sdk.call(wrong, new GetCallerIdentityRequest(), emu));
        // The core compares the server's canonical request with its own: equal means our V3
        // canonicalisation
        // matches the SDK's byte for byte, so it blames the secret.
        assertEquals("SDK.InvalidAccessKeySecret", e.getErrCode());
        assertEquals("SignatureDoesNotMatch", emu.requests().get(1).errorCode());
    }
}
