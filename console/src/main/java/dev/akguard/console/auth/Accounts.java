package dev.akguard.console.auth;

import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Console users (BCrypt password hashes) and API tokens (SHA-256 of a 256-bit random token, shown
 * once) in the monitor's database, so every instance sharing it knows the same accounts. Removing a
 * user or changing a password ends that user's sessions.
 */
public final class Accounts {
    public static final String TOKEN_PREFIX = "akg_";

    public record User(String name, Role role, Instant createdAt, Instant passwordChangedAt) {}

    public record Token(String name, Role role, Instant createdAt, Instant lastUsedAt) {}

    /** A name that is already taken, or not there. */
    public static final class AccountException extends IllegalArgumentException {
        public AccountException(String message) {
            super(message);
        }
    }

    private final Database db;
    private final PasswordHasher hasher;
    private final Clock clock;

    public Accounts(Database db, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.hasher = hasher;
        this.clock = clock;
    }

    public void addUser(String name, Role role, CharSequence password) {
        Names.check("user", name);
        String hash = hasher.hash(password);
        long now = clock.millis();
        int added =
                db.transactionUninterruptibly(
                        c -> {
                            try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "INSERT INTO console_users (name, role, password_hash, created_at, password_changed_at) "
                                                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
                                ps.setString(1, name);
                                ps.setString(2, role.name());
                                ps.setString(3, hash);
                                ps.setLong(4, now);
                                ps.setLong(5, now);
                                return ps.executeUpdate();
                            }
                        });
        if (added == 0)
            throw new AccountException(
                    "user '"
                            + name
                            + "' already exists (change the password with `users passwd "
                            + name
                            + "`)");
    }

    public List<User> users() {
        return db.transactionUninterruptibly(
                c -> {
                    List<User> out = new ArrayList<>();
                    try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "SELECT name, role, created_at, password_changed_at FROM console_users ORDER BY name");
                            ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(
                                    new User(
                                            rs.getString(1),
                                            Role.valueOf(rs.getString(2)),
                                            Instant.ofEpochMilli(rs.getLong(3)),
                                            Instant.ofEpochMilli(rs.getLong(4))));
                        }
                    }
                    return out;
                });
    }

    public Optional<User> user(String name) {
        return users().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    public void removeUser(String name) {
        int removed =
                db.transactionUninterruptibly(
                        c -> {
                            deleteSessions(c, name);
                            return update(c, "DELETE FROM console_users WHERE name = ?", name);
                        });
        if (removed == 0)
            throw new AccountException("no user '" + name + "' (see `akguard monitor users list`)");
    }

    public void setPassword(String name, CharSequence password) {
        String hash = hasher.hash(password);
        long now = clock.millis();
        int changed =
                db.transactionUninterruptibly(
                        c -> {
                            deleteSessions(c, name);
                            try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "UPDATE console_users SET password_hash = ?, password_changed_at = ? WHERE name = ?")) {
                                ps.setString(1, hash);
                                ps.setLong(2, now);
                                ps.setString(3, name);
                                return ps.executeUpdate();
                            }
                        });
        if (changed == 0)
            throw new AccountException(
                    "no user '"
                            + name
                            + "' (add it with `akguard monitor users add "
                            + name
                            + " --role viewer`)");
    }

    /** The user when the password matches; a missing user costs one hash comparison too. */
    public Optional<Principal> authenticate(String name, CharSequence password) {
        if (name == null || password == null || name.length() > 64) return Optional.empty();
        String[] row =
                db.transactionUninterruptibly(
                        c -> {
                            try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "SELECT role, password_hash FROM console_users WHERE name = ?")) {
                                ps.setString(1, name);
                                try (ResultSet rs = ps.executeQuery()) {
                                    return rs.next()
                                            ? new String[] {rs.getString(1), rs.getString(2)}
                                            : null;
                                }
                            }
                        });
        boolean ok = hasher.matches(password, row == null ? null : row[1]);
        return ok && row != null
                ? Optional.of(new Principal(name, Role.valueOf(row[0]), "session"))
                : Optional.empty();
    }

    /** Creates a token and returns it: the only time it is ever visible. */
    public String createToken(String name, Role role) {
        Names.check("token", name);
        String token = RandomTokens.next(TOKEN_PREFIX);
        long now = clock.millis();
        int added =
                db.transactionUninterruptibly(
                        c -> {
                            try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "INSERT INTO api_tokens (name, role, token_sha256, created_at) VALUES (?, ?, ?, ?) "
                                                    + "ON CONFLICT (name) DO NOTHING")) {
                                ps.setString(1, name);
                                ps.setString(2, role.name());
                                ps.setString(3, RandomTokens.stored(token));
                                ps.setLong(4, now);
                                return ps.executeUpdate();
                            }
                        });
        if (added == 0)
            throw new AccountException(
                    "token '"
                            + name
                            + "' already exists (revoke it first with `tokens revoke "
                            + name
                            + "`)");
        return token;
    }

    public List<Token> tokens() {
        return db.transactionUninterruptibly(
                c -> {
                    List<Token> out = new ArrayList<>();
                    try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "SELECT name, role, created_at, last_used_at FROM api_tokens ORDER BY name");
                            ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long used = rs.getLong(4);
                            out.add(
                                    new Token(
                                            rs.getString(1),
                                            Role.valueOf(rs.getString(2)),
                                            Instant.ofEpochMilli(rs.getLong(3)),
                                            rs.wasNull() ? null : Instant.ofEpochMilli(used)));
                        }
                    }
                    return out;
                });
    }

    public void revokeToken(String name) {
        int removed =
                db.transactionUninterruptibly(
                        c -> update(c, "DELETE FROM api_tokens WHERE name = ?", name));
        if (removed == 0)
            throw new AccountException(
                    "no token '" + name + "' (see `akguard monitor tokens list`)");
    }

    /**
     * The token's principal; records its last use at most once a minute (saves a write per
     * request).
     */
    public Optional<Principal> authenticateToken(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100)
            return Optional.empty();
        String stored = RandomTokens.stored(token);
        long now = clock.millis();
        return db.transactionUninterruptibly(
                c -> {
                    Principal p = null;
                    long lastUsed = 0;
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT name, role, last_used_at FROM api_tokens WHERE token_sha256 = ?")) {
                        ps.setString(1, stored);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) {
                                p =
                                        new Principal(
                                                rs.getString(1),
                                                Role.valueOf(rs.getString(2)),
                                                "token");
                                lastUsed = rs.getLong(3);
                            }
                        }
                    }
                    if (p != null && now - lastUsed > 60_000) {
                        try (PreparedStatement ps =
                                c.prepareStatement(
                                        "UPDATE api_tokens SET last_used_at = ? WHERE token_sha256 = ?")) {
                            ps.setLong(1, now);
                            ps.setString(2, stored);
                            ps.executeUpdate();
                        }
                    }
                    return Optional.ofNullable(p);
                });
    }

    /**
     * The role of an existing user (for SSO and for sessions, so role changes and removals apply at
     * once).
     */
    public Optional<Role> roleOf(String name) {
        return db.transactionUninterruptibly(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement("SELECT role FROM console_users WHERE name = ?")) {
                        ps.setString(1, name);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next()
                                    ? Optional.of(Role.valueOf(rs.getString(1)))
                                    : Optional.<Role>empty();
                        }
                    }
                });
    }

    private static void deleteSessions(Connection c, String name) throws SQLException {
        update(c, "DELETE FROM console_sessions WHERE user_name = ?", name);
    }

    private static int update(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }
}
