package dev.akguard.testkit.alibaba;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A RAM user of an emulated account, with its AccessKeys (RAM allows two per user; the emulator
 * does not limit).
 */
public final class EmulatedUser {
    private final EmulatedAccount account;
    private final String name;
    private final String userId;
    private final List<EmulatedKey> keys = new CopyOnWriteArrayList<>();
    private volatile String displayName;
    private volatile Instant createDate = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    EmulatedUser(EmulatedAccount account, String name, String userId) {
        this.account = account;
        this.name = name;
        this.userId = userId;
        this.displayName = name;
    }

    public String name() {
        return name;
    }

    public String userId() {
        return userId;
    }

    public EmulatedAccount account() {
        return account;
    }

    public String displayName() {
        return displayName;
    }

    public EmulatedUser displayName(String s) {
        displayName = s;
        return this;
    }

    public Instant createDate() {
        return createDate;
    }

    public EmulatedUser createDate(Instant at) {
        createDate = at;
        return this;
    }

    /** Adds a new Active key with a random ID and secret. */
    public EmulatedKey addKey() {
        return addKey(RandomIds.accessKeyId(), RandomIds.secret());
    }

    public EmulatedKey addKey(String accessKeyId, String secret) {
        EmulatedKey key = new EmulatedKey(account, this, null, null, accessKeyId, secret, null);
        keys.add(key);
        account.directory().register(key);
        return key;
    }

    public List<EmulatedKey> keys() {
        return List.copyOf(keys);
    }

    void removeKey(EmulatedKey key) {
        keys.remove(key);
    }
}
