package dev.akguard.testkit.alibaba;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every account and key the emulator knows, indexed for authentication. */
final class Directory {
    private final Map<String, EmulatedAccount> accounts = new ConcurrentHashMap<>();
    private final Map<String, EmulatedKey> keys = new ConcurrentHashMap<>();

    EmulatedAccount addAccount(String id) {
        EmulatedAccount account = new EmulatedAccount(this, id);
        if (accounts.putIfAbsent(id, account) != null) {
            throw new IllegalArgumentException("account already exists: " + id);
        }
        return account;
    }

    void register(EmulatedKey key) {
        if (keys.putIfAbsent(key.id(), key) != null) {
            throw new IllegalArgumentException("AccessKey ID already exists: " + key.id());
        }
    }

    Optional<EmulatedKey> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** Deletes a RAM user's key: afterwards it is unknown (InvalidAccessKeyId.NotFound). */
    void delete(EmulatedKey key) {
        keys.remove(key.id());
        if (key.user() != null) {
            key.user().removeKey(key);
        }
    }
}
