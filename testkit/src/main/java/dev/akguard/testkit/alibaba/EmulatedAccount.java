package dev.akguard.testkit.alibaba;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** An Alibaba Cloud account: its root keys, RAM users and STS role sessions. */
public final class EmulatedAccount {
    private final Directory directory;
    private final String id;
    private final Map<String, EmulatedUser> users = new ConcurrentHashMap<>();
    private final List<EmulatedUser> userOrder = new CopyOnWriteArrayList<>();
    private final List<EmulatedKey> rootKeys = new CopyOnWriteArrayList<>();

    EmulatedAccount(Directory directory, String id) {
        this.directory = directory;
        this.id = id;
    }

    public String id() {
        return id;
    }

    Directory directory() {
        return directory;
    }

    /** A root (main account) key: GetCallerIdentity reports IdentityType `Account`. */
    public EmulatedKey addRootKey() {
        EmulatedKey key =
                new EmulatedKey(
                        this, null, null, null, RandomIds.accessKeyId(), RandomIds.secret(), null);
        rootKeys.add(key);
        directory.register(key);
        return key;
    }

    public List<EmulatedKey> rootKeys() {
        return List.copyOf(rootKeys);
    }

    public EmulatedUser addUser(String name) {
        EmulatedUser user = new EmulatedUser(this, name, RandomIds.digits(16));
        if (users.putIfAbsent(name, user) != null) {
            throw new IllegalArgumentException("user already exists: " + name);
        }
        userOrder.add(user);
        return user;
    }

    public Optional<EmulatedUser> user(String name) {
        return Optional.ofNullable(users.get(name));
    }

    public List<EmulatedUser> users() {
        return List.copyOf(userOrder);
    }

    /**
     * STS credentials of an assumed role session (ID `STS.…` plus a security token): IdentityType
     * `AssumedRoleUser`.
     */
    public EmulatedKey addRoleSession(String roleName, String sessionName) {
        EmulatedKey key =
                new EmulatedKey(
                        this,
                        null,
                        roleName,
                        sessionName,
                        RandomIds.stsAccessKeyId(),
                        RandomIds.secret(),
                        RandomIds.securityToken());
        directory.register(key);
        return key;
    }

    /** The stable role id the emulator reports for a role name. */
    String roleId(String roleName) {
        return "3"
                + Integer.toUnsignedString(
                        Math.abs((id + "/" + roleName).hashCode()) % 1_000_000_000)
                + "0000000";
    }
}
