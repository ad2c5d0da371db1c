package dev.akguard.monitor.alibaba;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.AcsResponse;
import com.aliyuncs.IAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.DeleteAccessKeyRequest;
import com.aliyuncs.ram.model.v20150501.GetAccessKeyLastUsedRequest;
import com.aliyuncs.ram.model.v20150501.ListAccessKeysRequest;
import com.aliyuncs.ram.model.v20150501.ListAccessKeysResponse;
import com.aliyuncs.ram.model.v20150501.ListUsersRequest;
import com.aliyuncs.ram.model.v20150501.ListUsersResponse;
import com.aliyuncs.ram.model.v20150501.UpdateAccessKeyRequest;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.retry.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Handles leaked keys with the security team's own admin credentials through RAM: finds which RAM
 * user owns a key, disables or deletes it, reports when it was last used, lists every key of the
 * account. Root-account keys are not RAM's (they live in IMS), so they are reported as not found
 * here.
 */
public final class RamAdmin {
    static final String RAM_HOST = "ram.aliyuncs.com";
    private static final String REGION = "cn-hangzhou";

    private final AdminCredentials credentials;
    private final AlibabaEndpoint endpoint;
    private final RetryingCaller caller;
    private final IAcsClient client;

    public RamAdmin(
            AdminCredentials credentials,
            AlibabaEndpoint endpoint,
            Backoff backoff,
            Duration timeout) {
        this(credentials, endpoint, backoff, timeout, Sleeper.SYSTEM);
    }

    RamAdmin(
            AdminCredentials credentials,
            AlibabaEndpoint endpoint,
            Backoff backoff,
            Duration timeout,
            Sleeper sleeper) {
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.caller = new RetryingCaller(backoff, sleeper, timeout);
        this.client = credentials.client(REGION);
    }

    /**
     * Admin credentials from the environment or credentials file, endpoint from
     * `AKGUARD_ALIBABA_ENDPOINT`.
     */
    public static RamAdmin fromEnvironment() {
        return new RamAdmin(
                AdminCredentials.load(),
                AlibabaEndpoint.fromEnvironment(),
                Backoff.standard(),
                Duration.ofSeconds(10));
    }

    /** Every AccessKey of every RAM user of the account. */
    public List<AccessKeyEntry> inventory() {
        List<AccessKeyEntry> all = new ArrayList<>();
        for (ListUsersResponse.User user : users()) {
            all.addAll(keysOf(user));
        }
        return all;
    }

    /** The RAM user owning this key, if any user of the account does. */
    public Optional<AccessKeyEntry> findOwner(String accessKeyId) {
        for (ListUsersResponse.User user : users()) {
            for (AccessKeyEntry key : keysOf(user)) {
                if (key.accessKeyId().equals(accessKeyId)) {
                    return Optional.of(key);
                }
            }
        }
        return Optional.empty();
    }

    /** Sets the key Inactive; returns its entry as it now is. */
    public AccessKeyEntry disable(String accessKeyId) {
        return disable(requireOwner(accessKeyId));
    }

    /**
     * Sets a key found by {@link #findOwner} or {@link #inventory} Inactive, without looking it up
     * again.
     */
    public AccessKeyEntry disable(AccessKeyEntry key) {
        UpdateAccessKeyRequest req = new UpdateAccessKeyRequest();
        req.setUserName(key.userName());
        req.setUserAccessKeyId(key.accessKeyId());
        req.setStatus("Inactive");
        execute(req, "UpdateAccessKey");
        return new AccessKeyEntry(
                key.userName(), key.userId(), key.accessKeyId(), "Inactive", key.createDate());
    }

    /** Deletes the key for good; returns the entry it had. */
    public AccessKeyEntry delete(String accessKeyId) {
        return delete(requireOwner(accessKeyId));
    }

    public AccessKeyEntry delete(AccessKeyEntry key) {
        DeleteAccessKeyRequest req = new DeleteAccessKeyRequest();
        req.setUserName(key.userName());
        req.setUserAccessKeyId(key.accessKeyId());
        execute(req, "DeleteAccessKey");
        return key;
    }

    /** When the key was last used, empty when never (or RAM does not know). */
    public Optional<Instant> lastUsed(String accessKeyId) {
        return lastUsed(requireOwner(accessKeyId));
    }

    public Optional<Instant> lastUsed(AccessKeyEntry key) {
        GetAccessKeyLastUsedRequest req = new GetAccessKeyLastUsedRequest();
        req.setUserName(key.userName());
        req.setUserAccessKeyId(key.accessKeyId());
        var used = execute(req, "GetAccessKeyLastUsed").getAccessKeyLastUsed();
        return Optional.ofNullable(used == null ? null : Times.parse(used.getLastUsedDate()));
    }

    private AccessKeyEntry requireOwner(String accessKeyId) {
        return findOwner(accessKeyId)
                .orElseThrow(
                        () ->
                                new RamAdminException(
                                        "AccessKey "
                                                + accessKeyId
                                                + " is not owned by any RAM user of the account behind the admin key "
                                                + credentials.accessKeyId()
                                                + ". It may already be deleted, belong to another account, or be a root-account key (disable those in the console).",
                                        "EntityNotExist.User.AccessKey"));
    }

    private List<ListUsersResponse.User> users() {
        List<ListUsersResponse.User> users = new ArrayList<>();
        String marker = null;
        do {
            ListUsersRequest req = new ListUsersRequest();
            req.setMaxItems(100);
            if (marker != null) {
                req.setMarker(marker);
            }
            ListUsersResponse page = execute(req, "ListUsers");
            if (page.getUsers() != null) {
                users.addAll(page.getUsers());
            }
            marker = Boolean.TRUE.equals(page.getIsTruncated()) ? page.getMarker() : null;
        } while (marker != null && !marker.isEmpty());
        return users;
    }

    private List<AccessKeyEntry> keysOf(ListUsersResponse.User user) {
        ListAccessKeysRequest req = new ListAccessKeysRequest();
        req.setUserName(user.getUserName());
        List<AccessKeyEntry> keys = new ArrayList<>();
        List<ListAccessKeysResponse.AccessKey> listed =
                execute(req, "ListAccessKeys").getAccessKeys();
        for (ListAccessKeysResponse.AccessKey k :
                listed == null ? List.<ListAccessKeysResponse.AccessKey>of() : listed) {
            keys.add(
                    new AccessKeyEntry(
                            user.getUserName(),
                            user.getUserId(),
                            k.getAccessKeyId(),
                            k.getStatus(),
                            Times.parse(k.getCreateDate())));
        }
        return keys;
    }

    private <T extends AcsResponse> T execute(AcsRequest<T> request, String action) {
        endpoint.apply(request, RAM_HOST);
        try {
            return caller.call(client, request);
        } catch (ClientException e) {
            throw translate(e, action);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RamAdminException("Interrupted while calling RAM " + action, null);
        }
    }

    private RamAdminException translate(ClientException e, String action) {
        String code = e.getErrCode();
        String what = FailureMessages.describe(e);
        String admin = credentials.accessKeyId();
        String message =
                switch (ErrorKind.of(e)) {
                    case PERMISSION_DENIED ->
                            "RAM refused "
                                    + action
                                    + " to the admin key "
                                    + admin
                                    + " ("
                                    + what
                                    + "). Give its RAM "
                                    + "user AliyunRAMReadOnlyAccess to look keys up, and AliyunRAMFullAccess to disable or delete them.";
                    case ENTITY_NOT_EXIST ->
                            "RAM "
                                    + action
                                    + " found no such user or key ("
                                    + what
                                    + "); it may have been deleted meanwhile: list the keys again.";
                    case KEY_NOT_FOUND, BAD_SECRET, KEY_DISABLED, TOKEN_INVALID ->
                            FailureMessages.adminRejected(credentials, what);
                    case THROTTLED, SERVER_ERROR, NETWORK ->
                            FailureMessages.noAnswer("RAM " + action, caller.maxAttempts(), what);
                    case OTHER -> "RAM " + action + " failed (" + what + ").";
                };
        return new RamAdminException(message, code);
    }
}
