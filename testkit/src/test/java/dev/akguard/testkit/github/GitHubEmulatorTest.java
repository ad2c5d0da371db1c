package dev.akguard.testkit.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubEmulatorTest {

    private GitHubEmulator gh;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws IOException {
        gh = GitHubEmulator.start();
    }

    @AfterEach
    void stop() {
        gh.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(
                                URI.create(path.startsWith("http") ? path : gh.baseUrl() + path))
                        .GET();
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eventsArePagedNewestFirstWithLinkEtagAndPollInterval() throws Exception {
        EmulatedRepo repo = gh.createRepo("acme/app");
        for (int i = 0; i < 5; i++)
            repo.change().author("alice").put("f" + i + ".txt", "v" + i + "\n").push();
        gh.setPollIntervalSeconds(7);

        HttpResponse<String> page1 = get("/events?per_page=2");
        assertEquals(200, page1.statusCode());
        assertEquals("7", page1.headers().firstValue("X-Poll-Interval").orElseThrow());
        JsonArray events = JsonParser.parseString(page1.body()).getAsJsonArray();
        assertEquals(2, events.size());
        JsonObject newest = events.get(0).getAsJsonObject();
        assertEquals("PushEvent", newest.get("type").getAsString());
        JsonObject payload = newest.getAsJsonObject("payload");
        for (String key : new String[] {"repository_id", "push_id", "ref", "head", "before"})
            assertTrue(payload.has(key), key);
        assertFalse(payload.has("commits"), "modern payloads carry no commits");
        assertTrue(
                Long.parseLong(newest.get("id").getAsString())
                        > Long.parseLong(events.get(1).getAsJsonObject().get("id").getAsString()));
        String link = page1.headers().firstValue("Link").orElseThrow();
        assertTrue(link.contains("page=2>; rel=\"next\""), link);
        assertTrue(link.contains("page=3>; rel=\"last\""), link);

        String etag = page1.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = get("/events?per_page=2", "If-None-Match", etag);
        assertEquals(304, again.statusCode());
        assertEquals(
                page1.headers().firstValue("x-ratelimit-remaining"),
                again.headers().firstValue("x-ratelimit-remaining"),
                "a 304 costs no rate limit");

        repo.change().put("g.txt", "new\n").push();
        assertEquals(
                200,
                get("/events?per_page=2", "If-None-Match", etag).statusCode(),
                "new events change the ETag");
    }

    @Test
    void feedsFilterByOrgUserAndRepo() throws Exception {
        gh.createRepo("acme/app").change().author("alice").put("a", "1\n").push();
        gh.createRepo("other/lib").change().author("bob").put("b", "1\n").push();
        assertEquals(
                1, JsonParser.parseString(get("/orgs/acme/events").body()).getAsJsonArray().size());
        assertEquals(
                1,
                JsonParser.parseString(get("/users/bob/events/public").body())
                        .getAsJsonArray()
                        .size());
        assertEquals(
                "other/lib",
                JsonParser.parseString(get("/repos/other/lib/events").body())
                        .getAsJsonArray()
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonObject("repo")
                        .get("name")
                        .getAsString());
        assertEquals(
                2,
                JsonParser.parseString(get("/api/v3/events").body()).getAsJsonArray().size(),
                "Enterprise prefix accepted");
    }

    @Test
    void compareAndCommitCarryPatchesWithBinaryAndLargeFilesWithout() throws Exception {
        EmulatedRepo repo = gh.createRepo("acme/app");
        EmulatedRepo.PushResult first =
                repo.change().put("conf.txt", "a\nb\nc\nd\ne\nf\ng\nh\n").push();
        gh.setMaxPatchBytes(200);
        EmulatedRepo.PushResult second =
                repo.change()
                        .author("carol")
                        .message("more")
                        .put("conf.txt", "a\nb\nc\nNEW\nd\ne\nf\ng\nh\n")
                        .put("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1})
                        .put("big.txt", "x".repeat(500) + "\n")
                        .push();
        assertEquals(first.head(), second.before());

        JsonObject cmp =
                JsonParser.parseString(
                                get("/repos/acme/app/compare/"
                                                + second.before()
                                                + "..."
                                                + second.head())
                                        .body())
                        .getAsJsonObject();
        assertEquals("ahead", cmp.get("status").getAsString());
        assertEquals(1, cmp.get("ahead_by").getAsInt());
        JsonObject conf = file(cmp.getAsJsonArray("files"), "conf.txt");
        assertEquals("modified", conf.get("status").getAsString());
        assertEquals(
                "@@ -1,6 +1,7 @@\n a\n b\n c\n+NEW\n d\n e\n f\n",
                conf.get("patch").getAsString(),
                "three lines of context");
        assertFalse(file(cmp.getAsJsonArray("files"), "logo.png").has("patch"), "binary: no patch");
        JsonObject big = file(cmp.getAsJsonArray("files"), "big.txt");
        assertFalse(big.has("patch"), "too large: patch omitted");

        JsonObject contents =
                JsonParser.parseString(get(big.get("contents_url").getAsString()).body())
                        .getAsJsonObject();
        assertEquals("base64", contents.get("encoding").getAsString());
        assertEquals(
                "x".repeat(500) + "\n",
                new String(
                        Base64.getMimeDecoder().decode(contents.get("content").getAsString()),
                        StandardCharsets.UTF_8));
        assertEquals("x".repeat(500) + "\n", get(big.get("raw_url").getAsString()).body());

        JsonObject commit =
                JsonParser.parseString(get("/repos/acme/app/commits/" + second.head()).body())
                        .getAsJsonObject();
        assertEquals("carol", commit.getAsJsonObject("author").get("login").getAsString());
        assertEquals("more", commit.getAsJsonObject("commit").get("message").getAsString());
        assertEquals(3, commit.getAsJsonArray("files").size());

        assertEquals(
                404,
                get("/repos/acme/app/compare/" + "f".repeat(40) + "..." + second.head())
                        .statusCode());
    }

    @Test
    void forcePushComparesFromTheMergeBase() throws Exception {
        EmulatedRepo repo = gh.createRepo("acme/app");
        EmulatedRepo.PushResult base = repo.change().put("a", "1\n").push();
        EmulatedRepo.PushResult old = repo.change().put("a", "1\n2\n").push();
        EmulatedRepo.PushResult forced = repo.change().parent(base.head()).put("b", "new\n").push();
        assertEquals(old.head(), forced.before());
        JsonObject cmp =
                JsonParser.parseString(
                                get("/repos/acme/app/compare/"
                                                + forced.before()
                                                + "..."
                                                + forced.head())
                                        .body())
                        .getAsJsonObject();
        assertEquals("diverged", cmp.get("status").getAsString());
        JsonArray files = cmp.getAsJsonArray("files");
        assertEquals(1, files.size());
        assertEquals("b", files.get(0).getAsJsonObject().get("filename").getAsString());
    }

    @Test
    void codeSearchNeedsATokenAndIsLimitedPerMinute() throws Exception {
        gh.createRepo("acme/app")
                .change()
                .put("src/keys.txt", "needle here\n")
                .put("other.txt", "nothing\n")
                .push();
        assertEquals(401, get("/search/code?q=needle").statusCode());
        HttpResponse<String> ok = get("/search/code?q=needle", "Authorization", "Bearer t1");
        assertEquals(200, ok.statusCode());
        JsonObject body = JsonParser.parseString(ok.body()).getAsJsonObject();
        assertEquals(1, body.get("total_count").getAsInt());
        assertEquals(
                "src/keys.txt",
                body.getAsJsonArray("items").get(0).getAsJsonObject().get("path").getAsString());
        assertEquals("10", ok.headers().firstValue("x-ratelimit-limit").orElseThrow());
        for (int i = 0; i < 9; i++)
            assertEquals(
                    200, get("/search/code?q=needle", "Authorization", "Bearer t1").statusCode());
        HttpResponse<String> limited = get("/search/code?q=needle", "Authorization", "Bearer t1");
        assertEquals(403, limited.statusCode());
        assertEquals("0", limited.headers().firstValue("x-ratelimit-remaining").orElseThrow());
    }

    @Test
    void faultsFireOnceOnMatchingPathsAndRequestsAreRecorded() throws Exception {
        gh.createRepo("acme/app").change().put("a", "1\n").push();
        gh.inject(Fault.tooManyRequests(3).on("/events"));
        gh.inject(Fault.status(503).on("/orgs/"));
        gh.inject(Fault.malformedJson().on("/users/"));
        gh.inject(Fault.primaryRateLimit(120).on("/repos/"));

        HttpResponse<String> tooMany = get("/events");
        assertEquals(429, tooMany.statusCode());
        assertEquals("3", tooMany.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(200, get("/events").statusCode(), "fault consumed");
        assertEquals(503, get("/orgs/acme/events").statusCode());
        HttpResponse<String> malformed = get("/users/octocat/events/public");
        assertEquals(200, malformed.statusCode());
        assertThrows(
                RuntimeException.class,
                () ->
                        JsonParser.parseString(malformed.body())
                                .getAsJsonArray()
                                .get(0)
                                .getAsJsonObject()
                                .get("payload")
                                .getAsJsonObject());
        HttpResponse<String> limited = get("/repos/acme/app/events");
        assertEquals(403, limited.statusCode());
        assertEquals("0", limited.headers().firstValue("x-ratelimit-remaining").orElseThrow());
        assertNull(limited.headers().firstValue("Retry-After").orElse(null));

        get("/events", "If-None-Match", "W/\"abc\"");
        RecordedRequest last = gh.requests().get(gh.requests().size() - 1);
        assertEquals("/events", last.path());
        assertEquals("W/\"abc\"", last.header("If-None-Match"));
        assertNotNull(last.at());
        assertEquals(6, gh.requests().size());
    }

    private static JsonObject file(JsonArray files, String name) {
        for (var f : files)
            if (f.getAsJsonObject().get("filename").getAsString().equals(name))
                return f.getAsJsonObject();
        throw new AssertionError("no file " + name + " in " + files);
    }
}
