package dev.akguard.console.auth;

import dev.akguard.monitor.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Console sessions, stored (by SHA-256 of the cookie value) in the database so that several
 * instances behind a load balancer share them and a restart keeps people signed in. Each session
 * has its own CSRF token.
 */
public final class Sessions {
    public static final Duration LIFETIME = Duration.ofHours(12);

    /** A live session: its user (role read from the users table on each request) and CSRF token. */
    public record Session(String userName, String csrfToken) {}

    /** A new session: the cookie value (never stored) and its CSRF token. */
    public record Created(String id, String csrfToken) {}

    private final Database db;
    private final Clock clock;

    public Sessions(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Created create(String userName) {
        String id = RandomTokens.next("");
        String csrf = RandomTokens.next("");
        long now = clock.millis();
        db.transactionUninterruptibly(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "DELETE FROM console_sessions WHERE expires_at < ?")) {
                        ps.setLong(1, now);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "INSERT INTO console_sessions (id_sha256, user_name, csrf_token, created_at, expires_at) "
                                            + "VALUES (?, ?, ?, ?, ?)")) {
                        ps.setString(1, RandomTokens.stored(id));
                        ps.setString(2, userName);
                        ps.setString(3, csrf);
                        ps.setLong(4, now);
                        ps.setLong(5, now + LIFETIME.toMillis());
                        ps.executeUpdate();
                    }
                    return null;
                });
        return new Created(id, csrf);
    }

    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) return Optional.empty();
        long now = clock.millis();
        return db.transactionUninterruptibly(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT user_name, csrf_token FROM console_sessions WHERE id_sha256 = ? AND expires_at > ?")) {
                        ps.setString(1, RandomTokens.stored(id));
                        ps.setLong(2, now);
                        try (ResultSet rs = ps.executeQuery()) {
                            return rs.next()
                                    ? Optional.of(new Session(rs.getString(1), rs.getString(2)))
                                    : Optional.<Session>empty();
                        }
                    }
                });
    }

    public void delete(String id) {
        if (id == null) return;
        db.transactionUninterruptibly(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "DELETE FROM console_sessions WHERE id_sha256 = ?")) {
                        ps.setString(1, RandomTokens.stored(id));
                        return ps.executeUpdate();
                    }
                });
    }
}
