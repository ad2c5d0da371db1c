package dev.akguard.console.web;

import dev.akguard.console.ConsoleSettings;
import dev.akguard.console.auth.Accounts;
import dev.akguard.console.auth.LoginThrottle;
import dev.akguard.console.auth.Principal;
import dev.akguard.console.auth.RandomTokens;
import dev.akguard.console.auth.Role;
import dev.akguard.console.auth.Sessions;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who is asking, for every request: the API accepts only {@code Authorization: Bearer TOKEN}; the
 * console a session cookie, or the SSO header when the request comes straight from a trusted proxy
 * (then a session is opened for that user so forms get a CSRF token). Roles are read from the users
 * table on each request, so a removed user or a changed role takes effect at once.
 */
final class WebAuth {
    static final String SESSION_COOKIE = "akguard_session";
    static final String LOGIN_COOKIE = "akguard_login";
    static final String PRINCIPAL = "akguard.principal";
    static final String CSRF = "akguard.csrf";
    static final String SESSION_ID = "akguard.session";

    private final ConsoleSettings settings;
    private final Accounts accounts;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    WebAuth(
            ConsoleSettings settings,
            Accounts accounts,
            Sessions sessions,
            LoginThrottle throttle) {
        this.settings = settings;
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /**
     * The client's address: the socket peer, or X-Forwarded-For's last hop when the peer is a
     * trusted proxy.
     */
    String clientIp(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (trusted(peer)) {
            String xff = ctx.header("X-Forwarded-For");
            if (xff != null && !xff.isBlank()) {
                String[] hops = xff.split(",");
                String last = hops[hops.length - 1].trim();
                if (!last.isEmpty() && last.length() <= 45) return last;
            }
        }
        return peer;
    }

    boolean trusted(String peer) {
        return settings.trustedProxies().contains(peer);
    }

    /** API: the bearer token's principal, if any. */
    Optional<Principal> bearer(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        return accounts.authenticateToken(h.substring(7).trim());
    }

    /**
     * Console: SSO from a trusted proxy, else the session cookie. Sets the principal and CSRF
     * attributes.
     */
    Optional<Principal> session(Context ctx) {
        String cookie = ctx.cookie(SESSION_COOKIE);
        Optional<Sessions.Session> s = sessions.find(cookie);
        if (settings.ssoHeader() != null && trusted(ctx.req().getRemoteAddr())) {
            String name = ctx.header(settings.ssoHeader());
            if (name != null && !name.isBlank()) {
                String user = name.trim();
                Optional<Role> role = accounts.roleOf(user);
                if (role.isEmpty())
                    throw new HttpError(
                            403,
                            "the single sign-on user '"
                                    + user
                                    + "' has no akguard account: "
                                    + "an admin adds it with `akguard monitor users add "
                                    + user
                                    + " --role viewer`");
                if (s.isEmpty() || !s.get().userName().equals(user)) {
                    Sessions.Created created = sessions.create(user);
                    setSessionCookie(ctx, created.id());
                    ctx.attribute(SESSION_ID, created.id());
                    return attach(ctx, new Principal(user, role.get(), "sso"), created.csrfToken());
                }
                ctx.attribute(SESSION_ID, cookie);
                return attach(ctx, new Principal(user, role.get(), "sso"), s.get().csrfToken());
            }
        }
        if (s.isEmpty()) return Optional.empty();
        Optional<Role> role = accounts.roleOf(s.get().userName());
        if (role.isEmpty()) return Optional.empty();
        ctx.attribute(SESSION_ID, cookie);
        return attach(
                ctx, new Principal(s.get().userName(), role.get(), "session"), s.get().csrfToken());
    }

    private static Optional<Principal> attach(Context ctx, Principal p, String csrf) {
        ctx.attribute(PRINCIPAL, p);
        ctx.attribute(CSRF, csrf);
        return Optional.of(p);
    }

    /**
     * Every state-changing console request carries the session's token in the {@code _csrf} form
     * field.
     */
    void checkCsrf(Context ctx) {
        String expected = ctx.attribute(CSRF);
        String given = ctx.formParam("_csrf");
        if (expected == null || given == null || !equal(expected, given)) {
            throw new HttpError(403, "missing or wrong CSRF token: reload the page and try again");
        }
    }

    // ---- login
    // ----------------------------------------------------------------------------------------------

    /** A fresh login form token (double-submit: cookie and hidden field must match). */
    String loginToken(Context ctx) {
        String existing = ctx.cookie(LOGIN_COOKIE);
        // several tabs (or a browser's background requests) must not invalidate each other's form
        if (existing != null && existing.matches("[A-Za-z0-9_-]{43}")) return existing;
        String t = RandomTokens.next("");
        ctx.res().addHeader("Set-Cookie", cookie(LOGIN_COOKIE, t, 600));
        return t;
    }

    enum LoginResult {
        OK,
        BAD_FORM,
        THROTTLED,
        WRONG
    }

    LoginResult login(Context ctx) {
        String cookie = ctx.cookie(LOGIN_COOKIE);
        String field = ctx.formParam("_csrf");
        if (cookie == null || field == null || !equal(cookie, field)) return LoginResult.BAD_FORM;
        String user = ctx.formParam("username");
        String password = ctx.formParam("password");
        if (user == null || password == null) return LoginResult.WRONG;
        user = user.trim();
        String ip = clientIp(ctx);
        if (!throttle.allowed(user, ip)) return LoginResult.THROTTLED;
        Optional<Principal> p = accounts.authenticate(user, password);
        if (p.isEmpty()) {
            throttle.failed(user, ip);
            return LoginResult.WRONG;
        }
        throttle.succeeded(user);
        Sessions.Created s = sessions.create(user);
        setSessionCookie(ctx, s.id());
        ctx.res().addHeader("Set-Cookie", cookie(LOGIN_COOKIE, "", 0));
        return LoginResult.OK;
    }

    void logout(Context ctx) {
        sessions.delete(ctx.attribute(SESSION_ID));
        ctx.res().addHeader("Set-Cookie", cookie(SESSION_COOKIE, "", 0));
    }

    private void setSessionCookie(Context ctx, String id) {
        ctx.res()
                .addHeader(
                        "Set-Cookie",
                        cookie(SESSION_COOKIE, id, (int) Sessions.LIFETIME.toSeconds()));
    }

    /** HttpOnly, SameSite=Strict, Secure under TLS (or when configured behind a TLS proxy). */
    private String cookie(String name, String value, int maxAge) {
        return name
                + "="
                + value
                + "; Path=/; Max-Age="
                + maxAge
                + "; HttpOnly; SameSite=Strict"
                + (settings.secureCookies() ? "; Secure" : "");
    }

    static boolean equal(String a, String b) {
        return MessageDigest.isEqual(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
