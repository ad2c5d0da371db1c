package dev.akguard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.store.AlertStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's guards over real HTTP: sign-in only, cookie flags, CSRF on every POST, roles,
 * throttling, headers, SSO.
 */
class ConsoleSecurityTest {
    @TempDir Path dir;
    private ConsoleFixture f;
    private long id;

    @BeforeEach
    void start() throws Exception {
        f =
                ConsoleFixture.builder("jdbc:sqlite:" + dir.resolve("monitor.db"))
                        .noWatch()
                        .sso("X-Forwarded-User", "127.0.0.2")
                        .start();
        id = f.record(ConsoleFixture.accessKeyId(), "acme/app", "a.env", 1, "eve");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private String status() {
        return new AlertStore(f.db, Clock.systemUTC()).find(id).orElseThrow().status().json();
    }

    @Test
    void onlyHealthzLoginAndStaticFilesAreOpen() throws Exception {
        Http anon = new Http(f.base);
        assertEquals(200, anon.get("/healthz").statusCode());
        assertEquals(200, anon.get("/login").statusCode());
        assertEquals(200, anon.get("/static/app.js").statusCode());
        for (String p : List.of("/", "/alerts", "/alerts/" + id, "/anomalies", "/notifications")) {
            HttpResponse<String> r = anon.get(p, "Accept", "text/html");
            assertEquals(303, r.statusCode(), p);
            assertEquals("/login", r.headers().firstValue("Location").orElseThrow());
        }
        assertEquals(401, anon.get("/live").statusCode());
        assertEquals(
                401,
                anon.postForm("/alerts/" + id + "/handle", Map.of("method", "whitelist"))
                        .statusCode());
        assertEquals("unhandled", status());
    }

    @Test
    void sessionCookieIsHttpOnlyAndStrictAndPagesCarrySecurityHeaders() throws Exception {
        Http s = new Http(f.base);
        String token = Http.csrf(s.get("/login").body());
        HttpResponse<String> r =
                s.postForm(
                        "/login",
                        Map.of(
                                "_csrf",
                                token,
                                "username",
                                "viewer",
                                "password",
                                ConsoleFixture.PASSWORD));
        assertEquals(303, r.statusCode());
        String cookie =
                r.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith("akguard_session="))
                        .findFirst()
                        .orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        assertFalse(
                cookie.contains("Secure"),
                "plain HTTP on loopback: no Secure flag (it is set under TLS)");
        HttpResponse<String> page = s.get("/alerts");
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(
                csp.contains("script-src 'self'")
                        && csp.contains("frame-ancestors 'none'")
                        && !csp.contains("unsafe-inline"),
                csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertFalse(page.body().contains("<script>"), "no inline script in pages");
        assertFalse(page.body().contains(" onclick="), "no inline handlers");
    }

    @Test
    void everyStateChangeNeedsTheSessionsCsrfToken() throws Exception {
        Http admin = new Http(f.base);
        admin.login("admin", ConsoleFixture.PASSWORD);
        String csrf = Http.csrf(admin.get("/alerts/" + id).body());
        for (String action :
                List.of(
                        "/alerts/" + id + "/handle",
                        "/alerts/" + id + "/unwhitelist",
                        "/alerts/" + id + "/verify",
                        "/alerts/" + id + "/calls",
                        "/alerts/" + id + "/apply",
                        "/notifications/retry",
                        "/logout")) {
            HttpResponse<String> none = admin.postForm(action, Map.of("method", "whitelist"));
            assertEquals(403, none.statusCode(), action);
            assertTrue(none.body().contains("CSRF"), action);
            HttpResponse<String> wrong =
                    admin.postForm(action, Map.of("method", "whitelist", "_csrf", csrf + "x"));
            assertEquals(403, wrong.statusCode(), action);
        }
        assertEquals("unhandled", status());
        // another session's token does not work either
        Http other = new Http(f.base);
        other.login("responder", ConsoleFixture.PASSWORD);
        String otherCsrf = Http.csrf(other.get("/alerts/" + id).body());
        assertEquals(
                403,
                admin.postForm(
                                "/alerts/" + id + "/handle",
                                Map.of("method", "whitelist", "_csrf", otherCsrf))
                        .statusCode());
        HttpResponse<String> ok =
                admin.postForm(
                        "/alerts/" + id + "/handle",
                        Map.of("method", "whitelist", "_csrf", csrf, "note", "sample"));
        assertEquals(303, ok.statusCode());
        assertEquals("whitelisted", status());
    }

    @Test
    void rolesGateEachAction() throws Exception {
        Http viewer = new Http(f.base);
        viewer.login("viewer", ConsoleFixture.PASSWORD);
        String csrf = Http.csrf(viewer.get("/alerts/" + id).body());
        assertFalse(
                viewer.get("/alerts/" + id).body().contains("id=\"handle-form\""),
                "viewers see no action forms");
        assertEquals(
                403,
                viewer.postForm(
                                "/alerts/" + id + "/handle",
                                Map.of("method", "whitelist", "_csrf", csrf))
                        .statusCode());
        Http responder = new Http(f.base);
        responder.login("responder", ConsoleFixture.PASSWORD);
        String rc = Http.csrf(responder.get("/alerts/" + id).body());
        assertFalse(
                responder.get("/alerts/" + id).body().contains("id=\"apply\""),
                "responders are not offered RAM actions");
        HttpResponse<String> apply =
                responder.postForm(
                        "/alerts/" + id + "/handle",
                        Map.of("method", "disabled", "apply", "on", "_csrf", rc));
        assertEquals(403, apply.statusCode());
        assertEquals(
                403,
                responder
                        .postForm(
                                "/alerts/" + id + "/apply",
                                Map.of("method", "disabled", "confirm", "yes", "_csrf", rc))
                        .statusCode());
        assertEquals("unhandled", status());
        // the admin's RAM action asks for confirmation first; deleting needs the key typed
        Http admin = new Http(f.base);
        admin.login("admin", ConsoleFixture.PASSWORD);
        String ac = Http.csrf(admin.get("/alerts/" + id).body());
        HttpResponse<String> confirm =
                admin.postForm(
                        "/alerts/" + id + "/handle",
                        Map.of("method", "deleted", "apply", "on", "_csrf", ac));
        assertEquals(200, confirm.statusCode());
        assertTrue(
                confirm.body().contains("DeleteAccessKey") && confirm.body().contains("confirmKey"),
                "a confirmation page");
        HttpResponse<String> unconfirmed =
                admin.postForm(
                        "/alerts/" + id + "/apply",
                        Map.of("method", "deleted", "confirmKey", "nope", "_csrf", ac));
        assertEquals(400, unconfirmed.statusCode());
        assertEquals("unhandled", status());
    }

    @Test
    void failedSignInsAreThrottled() throws Exception {
        Http s = new Http(f.base);
        for (int i = 0; i < 5; i++)
            assertEquals(401, s.login("admin", "wrong password " + i).statusCode());
        HttpResponse<String> blocked = s.login("admin", ConsoleFixture.PASSWORD);
        assertEquals(
                429,
                blocked.statusCode(),
                "even the right password waits once the limit is reached");
        assertEquals(
                303,
                new Http(f.base).login("viewer", ConsoleFixture.PASSWORD).statusCode(),
                "other users are not locked out");
    }

    @Test
    void loginWithoutTheFormsTokenIsRefused() throws Exception {
        Http s = new Http(f.base);
        HttpResponse<String> r =
                s.postForm(
                        "/login", Map.of("username", "admin", "password", ConsoleFixture.PASSWORD));
        assertEquals(403, r.statusCode());
        assertTrue(s.cookie("akguard_session") == null);
    }

    @Test
    void ssoHeaderCountsOnlyFromTheTrustedProxy() throws Exception {
        // the fixture trusts 127.0.0.2; this request comes from 127.0.0.1
        HttpResponse<String> spoofed =
                new Http(f.base).get("/alerts", "X-Forwarded-User", "admin", "Accept", "text/html");
        assertEquals(303, spoofed.statusCode(), "the header from an untrusted address is ignored");
        try (ConsoleFixture trusting =
                ConsoleFixture.builder("jdbc:sqlite:" + dir.resolve("sso.db"))
                        .noWatch()
                        .sso("X-Forwarded-User", "127.0.0.1")
                        .start()) {
            Http proxy = new Http(trusting.base);
            HttpResponse<String> r = proxy.get("/alerts", "X-Forwarded-User", "responder");
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("responder (responder)"), "signed in as the proxy's user");
            assertEquals(
                    403,
                    new Http(trusting.base)
                            .get("/alerts", "X-Forwarded-User", "nobody")
                            .statusCode(),
                    "unknown users get no account");
        }
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        Http s = new Http(f.base);
        s.login("admin", ConsoleFixture.PASSWORD);
        String csrf = Http.csrf(s.get("/").body());
        String old = s.cookie("akguard_session");
        assertEquals(303, s.postForm("/logout", Map.of("_csrf", csrf)).statusCode());
        Http replay = new Http(f.base);
        HttpResponse<String> r =
                replay.get("/", "Cookie", "akguard_session=" + old, "Accept", "text/html");
        assertEquals(303, r.statusCode(), "the old cookie no longer signs in");
    }
}
