package dev.akguard.testkit.alibaba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.DeleteAccessKeyRequest;
import com.aliyuncs.ram.model.v20150501.GetAccessKeyLastUsedRequest;
import com.aliyuncs.ram.model.v20150501.GetUserRequest;
import com.aliyuncs.ram.model.v20150501.ListAccessKeysRequest;
import com.aliyuncs.ram.model.v20150501.ListAccessKeysResponse;
import com.aliyuncs.ram.model.v20150501.ListUsersRequest;
import com.aliyuncs.ram.model.v20150501.ListUsersResponse;
import com.aliyuncs.ram.model.v20150501.UpdateAccessKeyRequest;
import com.aliyuncs.sts.model.v20150401.GetCallerIdentityRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RAM user and AccessKey management through the official v1 SDK; changes take effect for every
 * product.
 */
class EmulatorRamTest {
    private AlibabaCloudEmulator emu;
    private EmulatedAccount account;
    private DefaultAcsClient admin;

    @BeforeEach
    void start() {
        emu = AlibabaCloudEmulator.start();
        account = emu.addAccount();
        admin = V1Sdk.client(account.addRootKey());
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    @Test
    void listsUsersWithMarkerPaging() throws ClientException {
        for (int i = 0; i < 5; i++) {
            account.addUser("user" + i);
        }
        ListUsersRequest first = new ListUsersRequest();
        first.setMaxItems(3);
        ListUsersResponse page1 = V1Sdk.call(admin, first, emu);
        assertTrue(page1.getIsTruncated());
        assertEquals(
                List.of("user0", "user1", "user2"),
                page1.getUsers().stream().map(ListUsersResponse.User::getUserName).toList());
        ListUsersRequest next = new ListUsersRequest();
        next.setMarker(page1.getMarker());
        ListUsersResponse page2 = V1Sdk.call(admin, next, emu);
        assertFalse(page2.getIsTruncated());
        assertEquals(
                List.of("user3", "user4"),
                page2.getUsers().stream().map(ListUsersResponse.User::getUserName).toList());
        assertEquals(
                account.user("user3").orElseThrow().userId(), page2.getUsers().get(0).getUserId());
    }

    @Test
    void listsKeysOfAUserAndGetsTheUser() throws ClientException {
        EmulatedUser alice = account.addUser("alice");
        EmulatedKey k1 = alice.addKey();
        EmulatedKey k2 = alice.addKey().disable();
        ListAccessKeysRequest req = new ListAccessKeysRequest();
        req.setUserName("alice");
        List<ListAccessKeysResponse.AccessKey> keys = V1Sdk.call(admin, req, emu).getAccessKeys();
        assertEquals(
                List.of(k1.id(), k2.id()),
                keys.stream().map(ListAccessKeysResponse.AccessKey::getAccessKeyId).toList());
        assertEquals(
                List.of("Active", "Inactive"),
                keys.stream().map(ListAccessKeysResponse.AccessKey::getStatus).toList());
        assertEquals(k1.createDate().toString(), keys.get(0).getCreateDate());

        GetUserRequest get = new GetUserRequest();
        get.setUserName("alice");
        assertEquals(alice.userId(), V1Sdk.call(admin, get, emu).getUser().getUserId());
    }

    @Test
    void disablingAKeyMakesStsRefuseIt() throws ClientException {
        EmulatedKey leaked = account.addUser("bob").addKey();
        UpdateAccessKeyRequest update = new UpdateAccessKeyRequest();
        update.setUserName("bob");
        update.setUserAccessKeyId(leaked.id());
        update.setStatus("Inactive");
        V1Sdk.call(admin, update, emu);
        assertFalse(leaked.active());
        ClientException e =
                assertThrows(
                        ClientException.class,
                        () ->
                                V1Sdk.call(
                                        V1Sdk.client(leaked), new GetCallerIdentityRequest(), emu));
        assertEquals("InvalidAccessKeyId.Inactive", e.getErrCode());
        RecordedRequest r = emu.requests("UpdateAccessKey").get(0);
        assertEquals(leaked.id(), r.param("UserAccessKeyId"));
        assertEquals("Inactive", r.param("Status"));
    }

    @Test
    void deletingAKeyMakesItUnknown() throws ClientException {
        EmulatedUser bob = account.addUser("bob");
        EmulatedKey leaked = bob.addKey();
        DeleteAccessKeyRequest delete = new DeleteAccessKeyRequest();
        delete.setUserName("bob");
        delete.setUserAccessKeyId(leaked.id());
        V1Sdk.call(admin, delete, emu);
        assertTrue(bob.keys().isEmpty());
        ClientException e =
                assertThrows(
                        ClientException.class,
                        () ->
                                V1Sdk.call(
                                        V1Sdk.client(leaked), new GetCallerIdentityRequest(), emu));
        assertEquals("InvalidAccessKeyId.NotFound", e.getErrCode());
        ClientException again =
                assertThrows(ClientException.class, () -> V1Sdk.call(admin, delete, emu));
        assertEquals("EntityNotExist.User.AccessKey", again.getErrCode());
    }

    @Test
    void lastUsedDateIsReported() throws ClientException {
        Instant used = Instant.parse("2026-05-01T10:00:00Z");
        EmulatedKey key = account.addUser("carol").addKey().lastUsed(used);
        GetAccessKeyLastUsedRequest req = new GetAccessKeyLastUsedRequest();
        req.setUserName("carol");
        req.setUserAccessKeyId(key.id());
        assertEquals(
                used.toString(),
                V1Sdk.call(admin, req, emu).getAccessKeyLastUsed().getLastUsedDate());
    }

    @Test
    void unknownUserIsEntityNotExistWith404() {
        ListAccessKeysRequest req = new ListAccessKeysRequest();
        req.setUserName("nobody");
        ClientException e = assertThrows(ClientException.class, () -> V1Sdk.call(admin, req, emu));
        assertEquals("EntityNotExist.User", e.getErrCode());
        assertEquals(404, emu.requests().get(0).status());
    }

    @Test
    void missingParameterAndDeniedAdmin() {
        UpdateAccessKeyRequest update = new UpdateAccessKeyRequest();
        update.setUserName("x");
        update.setStatus("Inactive");
        assertEquals(
                "MissingParameter",
                assertThrows(ClientException.class, () -> V1Sdk.call(admin, update, emu))
                        .getErrCode());

        EmulatedKey weak = account.addUser("readonly").addKey().deny("ListUsers");
        ClientException e =
                assertThrows(
                        ClientException.class,
                        () -> V1Sdk.call(V1Sdk.client(weak), new ListUsersRequest(), emu));
        assertEquals("NoPermission", e.getErrCode());
    }

    @Test
    void usersOfOtherAccountsAreInvisible() throws ClientException {
        emu.addAccount().addUser("stranger");
        assertTrue(V1Sdk.call(admin, new ListUsersRequest(), emu).getUsers().isEmpty());
    }
}
