package dev.akguard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.akguard.console.auth.Role;
import dev.akguard.monitor.store.AlertStore;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REST API over real HTTP: tokens and roles, errors as {"error": ...}, the CLI's JSON shapes,
 * filters and paging.
 */
class ConsoleApiTest {
    @TempDir Path dir;
    private ConsoleFixture f;
    private long id;
    private String key;

    /** The store under test; {@link PostgresConsoleApiTest} runs the same tests on PostgreSQL. */
    protected String jdbcUrl() throws Exception {
        return "jdbc:sqlite:" + dir.resolve("monitor.db");
    }

    protected void storeClosed() throws Exception {}

    @BeforeEach
    void start() throws Exception {
        f = ConsoleFixture.builder(jdbcUrl()).noWatch().start();
        key = ConsoleFixture.accessKeyId();
        id = f.record(key, "acme/app", "config/app.env", 3, "eve");
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
        storeClosed();
    }

    private Http api(Role role) {
        return new Http(f.base).bearer(f.tokens.get(role));
    }

    private static JsonObject obj(HttpResponse<String> r) {
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    @Test
    void withoutOrWithABadOrRevokedTokenTheApiAnswers401WithAJsonError() throws Exception {
        HttpResponse<String> none = new Http(f.base).get("/api/v1/alerts");
        assertEquals(401, none.statusCode());
        assertTrue(obj(none).get("error").getAsString().contains("bearer token"), none.body());
        assertEquals(
                401,
                new Http(f.base).bearer("akg_not-a-real-token").get("/api/v1/alerts").statusCode());
        // a session cookie is no API credential
        Http browser = new Http(f.base);
        assertEquals(303, browser.login("admin", ConsoleFixture.PASSWORD).statusCode());
        assertEquals(401, browser.get("/api/v1/alerts").statusCode());
        f.accounts.revokeToken("viewer-token");
        assertEquals(401, api(Role.VIEWER).get("/api/v1/alerts/" + id).statusCode());
    }

    @Test
    void alertJsonHasTheDesignShapeAndOneAlertIsASingleObject() throws Exception {
        HttpResponse<String> r = api(Role.VIEWER).get("/api/v1/alerts/" + id);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(
                r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject a = obj(r);
        for (String k :
                List.of(
                        "id",
                        "accessKeyId",
                        "secretRedacted",
                        "status",
                        "handlingMethod",
                        "validity",
                        "accountId",
                        "firstSeen",
                        "lastSeen",
                        "occurrences",
                        "history",
                        "owner",
                        "anomalyIds")) {
            assertTrue(a.has(k), "missing " + k + " in " + a);
        }
        assertEquals(id, a.get("id").getAsLong());
        assertEquals(key, a.get("accessKeyId").getAsString());
        assertEquals("unhandled", a.get("status").getAsString());
        assertEquals("UNVERIFIED", a.get("validity").getAsString());
        assertTrue(a.get("handlingMethod").isJsonNull());
        JsonObject occ = a.getAsJsonArray("occurrences").get(0).getAsJsonObject();
        assertEquals(
                Set.of("repo", "path", "line", "commit", "author", "url", "seenAt"), occ.keySet());
        assertEquals("config/app.env", occ.get("path").getAsString());
        JsonObject hist = a.getAsJsonArray("history").get(0).getAsJsonObject();
        assertEquals(Set.of("at", "by", "action", "note"), hist.keySet());
        assertFalse(r.body().contains(f.db.url()), "no database URL in answers");

        HttpResponse<String> list = api(Role.VIEWER).get("/api/v1/alerts?status=unhandled");
        JsonArray arr = JsonParser.parseString(list.body()).getAsJsonArray();
        assertEquals(1, arr.size());
        assertEquals(
                a,
                arr.get(0).getAsJsonObject(),
                "the list holds the same objects as the single-alert answer");
        assertEquals("1", list.headers().firstValue("X-Total-Count").orElseThrow());
    }

    @Test
    void viewersReadRespondersHandleOnlyAdminsApplyThroughRam() throws Exception {
        HttpResponse<String> viewer =
                api(Role.VIEWER)
                        .postJson("/api/v1/alerts/" + id + "/handle", "{\"method\":\"whitelist\"}");
        assertEquals(403, viewer.statusCode());
        assertTrue(obj(viewer).get("error").getAsString().contains("responder"), viewer.body());
        HttpResponse<String> apply =
                api(Role.RESPONDER)
                        .postJson(
                                "/api/v1/alerts/" + id + "/handle",
                                "{\"method\":\"disabled\",\"apply\":true}");
        assertEquals(403, apply.statusCode());
        assertEquals(
                "unhandled",
                new AlertStore(f.db, Clock.systemUTC()).find(id).orElseThrow().status().json(),
                "refusals change nothing");

        HttpResponse<String> ok =
                api(Role.RESPONDER)
                        .postJson(
                                "/api/v1/alerts/" + id + "/handle",
                                "{\"method\":\"whitelist\",\"note\":\"doc sample\"}");
        assertEquals(200, ok.statusCode(), ok.body());
        JsonObject a = obj(ok);
        assertEquals("whitelisted", a.get("status").getAsString());
        JsonObject last = last(a.getAsJsonArray("history"));
        assertEquals("token:responder-token", last.get("by").getAsString());
        assertEquals("doc sample", last.get("note").getAsString());

        HttpResponse<String> un =
                api(Role.RESPONDER)
                        .postJson(
                                "/api/v1/alerts/" + id + "/unwhitelist",
                                "{\"note\":\"not a sample\"}");
        assertEquals(200, un.statusCode(), un.body());
        assertEquals("unhandled", obj(un).get("status").getAsString());
        HttpResponse<String> again =
                api(Role.RESPONDER).postJson("/api/v1/alerts/" + id + "/unwhitelist", "");
        assertEquals(
                409,
                again.statusCode(),
                "an unhandled alert cannot be unwhitelisted: " + again.body());
    }

    @Test
    void unknownIdsAre404AndBadInputIs400WithAMessage() throws Exception {
        Http admin = api(Role.ADMIN);
        assertEquals(404, admin.get("/api/v1/alerts/99999").statusCode());
        assertEquals(
                404,
                admin.postJson("/api/v1/alerts/99999/handle", "{\"method\":\"deleted\"}")
                        .statusCode());
        assertEquals(404, admin.get("/api/v1/anomalies/12345").statusCode());
        assertEquals(404, admin.get("/api/v1/nothing-here").statusCode());
        for (String[] bad :
                new String[][] {
                    {"/api/v1/alerts/abc", null, "id"},
                    {"/api/v1/alerts?status=open", null, "status"},
                    {"/api/v1/alerts?per_page=1000", null, "per_page"},
                    {"/api/v1/alerts?from=yesterday", null, "from"},
                    {"/api/v1/alerts/" + id + "/handle", "{\"method\":\"burn\"}", "method"},
                    {"/api/v1/alerts/" + id + "/handle", "not json", "JSON"},
                    {
                        "/api/v1/alerts/" + id + "/handle",
                        "{\"method\":\"whitelist\",\"apply\":true}",
                        "apply"
                    },
                    {"/api/v1/calls/LTAI'--", null, "accessKeyId"}
                }) {
            HttpResponse<String> r =
                    bad[1] == null ? admin.get(bad[0]) : admin.postJson(bad[0], bad[1]);
            assertEquals(400, r.statusCode(), bad[0] + " " + r.body());
            assertTrue(obj(r).get("error").getAsString().contains(bad[2]), r.body());
        }
    }

    @Test
    void listFiltersSearchSortsAndPages() throws Exception {
        for (int i = 0; i < 5; i++)
            f.record(
                    ConsoleFixture.accessKeyId(),
                    "other/repo" + i,
                    "src/a" + i + ".py",
                    i + 1,
                    "mallory");
        Http v = api(Role.VIEWER);
        assertEquals(
                "6", v.get("/api/v1/alerts").headers().firstValue("X-Total-Count").orElseThrow());
        JsonArray acme =
                JsonParser.parseString(v.get("/api/v1/alerts?repo=acme").body()).getAsJsonArray();
        assertEquals(1, acme.size());
        assertEquals(key, acme.get(0).getAsJsonObject().get("accessKeyId").getAsString());
        assertEquals(
                1,
                JsonParser.parseString(v.get("/api/v1/alerts?q=APP.ENV").body())
                        .getAsJsonArray()
                        .size(),
                "search ignores case");
        assertEquals(
                1,
                JsonParser.parseString(
                                v.get("/api/v1/alerts?accessKeyId=" + key.substring(0, 12)).body())
                        .getAsJsonArray()
                        .size());
        assertEquals(
                0,
                JsonParser.parseString(v.get("/api/v1/alerts?q=%25").body())
                        .getAsJsonArray()
                        .size(),
                "wildcards are literal");
        HttpResponse<String> p1 = v.get("/api/v1/alerts?per_page=4&sort=id&order=asc");
        JsonArray page1 = JsonParser.parseString(p1.body()).getAsJsonArray();
        assertEquals(4, page1.size());
        assertEquals(id, page1.get(0).getAsJsonObject().get("id").getAsLong());
        assertTrue(p1.headers().firstValue("Link").orElseThrow().contains("page=2"));
        JsonArray page2 =
                JsonParser.parseString(
                                v.get("/api/v1/alerts?per_page=4&sort=id&order=asc&page=2").body())
                        .getAsJsonArray();
        assertEquals(2, page2.size());
        Set<Long> ids = new HashSet<>();
        page1.forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsLong()));
        page2.forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsLong()));
        assertEquals(6, ids.size(), "pages neither overlap nor skip");
    }

    @Test
    void openApiDocumentIsServedAndNamesEveryRoute() throws Exception {
        HttpResponse<String> r = new Http(f.base).get("/api/v1/openapi.json");
        assertEquals(200, r.statusCode());
        JsonObject doc = obj(r);
        assertEquals("3.0.3", doc.get("openapi").getAsString());
        for (String p :
                List.of(
                        "/api/v1/alerts",
                        "/api/v1/alerts/{id}",
                        "/api/v1/alerts/{id}/handle",
                        "/api/v1/alerts/{id}/unwhitelist",
                        "/api/v1/alerts/{id}/verify",
                        "/api/v1/anomalies",
                        "/api/v1/calls/{accessKeyId}")) {
            assertNotNull(doc.getAsJsonObject("paths").get(p), p);
        }
    }

    @Test
    void metricsNeedATokenOrAnAdminAndCountAlerts() throws Exception {
        assertEquals(401, new Http(f.base).get("/metrics").statusCode());
        Http viewer = new Http(f.base);
        viewer.login("viewer", ConsoleFixture.PASSWORD);
        assertEquals(403, viewer.get("/metrics").statusCode());
        HttpResponse<String> m = api(Role.VIEWER).get("/metrics");
        assertEquals(200, m.statusCode());
        assertTrue(m.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(
                m.body().contains("akguard_alerts{status=\"unhandled\",validity=\"UNVERIFIED\"} 1"),
                m.body());
        assertTrue(m.body().contains("# TYPE akguard_pushes_processed_total counter"), m.body());
        assertEquals(200, new Http(f.base).get("/healthz").statusCode());
    }

    private static JsonObject last(JsonArray a) {
        return a.get(a.size() - 1).getAsJsonObject();
    }
}
