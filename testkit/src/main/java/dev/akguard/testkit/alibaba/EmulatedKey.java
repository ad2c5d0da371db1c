package dev.akguard.testkit.alibaba;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One AccessKey pair known to the emulator: root key, RAM user key, or STS session credentials. Its
 * status, last-used date and denied actions can be changed by tests and, for RAM users' keys, by
 * RAM calls.
 */
public final class EmulatedKey {
    /** `*` in the denied actions denies every action. */
    public static final String ALL_ACTIONS = "*";

    private final EmulatedAccount account;
    private final EmulatedUser user;
    private final String roleName;
    private final String roleSessionName;
    private final String id;
    private final String secret;
    private final String securityToken;
    private final Map<String, String> deniedActions = new ConcurrentHashMap<>();
    private volatile boolean active = true;
    private volatile boolean expired;
    private volatile Instant createDate = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private volatile Instant lastUsed;

    EmulatedKey(
            EmulatedAccount account,
            EmulatedUser user,
            String roleName,
            String roleSessionName,
            String id,
            String secret,
            String securityToken) {
        this.account = Objects.requireNonNull(account);
        this.user = user;
        this.roleName = roleName;
        this.roleSessionName = roleSessionName;
        this.id = id;
        this.secret = secret;
        this.securityToken = securityToken;
    }

    public String id() {
        return id;
    }

    /** The plaintext secret, for handing to the SDK under test; never print it. */
    public String secret() {
        return secret;
    }

    /** Security token for STS credentials, null for long-term keys. */
    public String securityToken() {
        return securityToken;
    }

    public EmulatedAccount account() {
        return account;
    }

    /** The RAM user owning the key; null for root keys and STS sessions. */
    public EmulatedUser user() {
        return user;
    }

    public boolean isRoot() {
        return user == null && roleName == null;
    }

    public boolean isSession() {
        return roleName != null;
    }

    String roleName() {
        return roleName;
    }

    String roleSessionName() {
        return roleSessionName;
    }

    public boolean active() {
        return active;
    }

    /** "Active" or "Inactive", as RAM reports it. */
    public String status() {
        return active ? "Active" : "Inactive";
    }

    public EmulatedKey disable() {
        active = false;
        return this;
    }

    public EmulatedKey enable() {
        active = true;
        return this;
    }

    /** For STS session credentials: the token has run out (`InvalidSecurityToken.Expired`). */
    public EmulatedKey expire() {
        expired = true;
        return this;
    }

    public boolean expired() {
        return expired;
    }

    public Instant createDate() {
        return createDate;
    }

    public EmulatedKey createDate(Instant at) {
        createDate = at;
        return this;
    }

    /** Last successful use; null when never used. Updated by every authenticated request. */
    public Instant lastUsed() {
        return lastUsed;
    }

    public EmulatedKey lastUsed(Instant at) {
        lastUsed = at;
        return this;
    }

    /** Calls of these actions (or `*`) are refused with 403 `NoPermission`. */
    public EmulatedKey deny(String... actions) {
        for (String a : actions) {
            deniedActions.put(a, "NoPermission");
        }
        return this;
    }

    /**
     * Like {@link #deny} but with another 403 code, e.g. `Forbidden.RAM` or
     * `Forbidden.AccessDenied`.
     */
    public EmulatedKey denyWith(String code, String... actions) {
        for (String a : actions) {
            deniedActions.put(a, code);
        }
        return this;
    }

    public EmulatedKey denyAll() {
        return deny(ALL_ACTIONS);
    }

    /** The 403 code for this action, or null when allowed. */
    String deniedCode(String action) {
        String code = deniedActions.get(action);
        return code != null ? code : deniedActions.get(ALL_ACTIONS);
    }

    Set<String> deniedActions() {
        return Set.copyOf(deniedActions.keySet());
    }

    @Override
    public String toString() {
        // Never the secret: only the ID, which is an identifier.
        return "EmulatedKey[" + id + ", " + status() + "]";
    }
}
