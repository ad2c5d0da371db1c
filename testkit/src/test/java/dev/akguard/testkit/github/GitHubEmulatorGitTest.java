package dev.akguard.testkit.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repository metadata, commit lists, CreateEvent/PublicEvent and clones over git's smart HTTP. */
class GitHubEmulatorGitTest {

    private GitHubEmulator gh;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws Exception {
        gh = GitHubEmulator.start();
    }

    @AfterEach
    void stop() {
        gh.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(gh.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void repositoryMetadataNamesCloneUrlDefaultBranchAndVisibility() throws Exception {
        EmulatedRepo repo = gh.createRepo("acme/app", "trunk").makePrivate();
        repo.change().put("a.txt", "a\n").commitSilently();
        JsonObject o = JsonParser.parseString(get("/repos/acme/app").body()).getAsJsonObject();
        assertEquals("trunk", o.get("default_branch").getAsString());
        assertEquals(gh.baseUrl() + "/acme/app.git", o.get("clone_url").getAsString());
        assertTrue(o.get("private").getAsBoolean());
        assertEquals(200, get("/api/v3/repos/acme/app").statusCode());
        assertEquals(404, get("/repos/acme/none").statusCode());
    }

    @Test
    void clonesOverSmartHttpWithTheSameCommitIdsTheApiReports(@TempDir Path dir) throws Exception {
        EmulatedRepo repo = gh.createRepo("acme/app");
        EmulatedRepo.PushResult first =
                repo.change()
                        .put("conf/app.yml", "one\n")
                        .nextCommit("second")
                        .put("README.md", "hi\n")
                        .push();
        repo.change("feature").put("f.txt", "feature\n").push();
        try (Git clone =
                Git.cloneRepository()
                        .setURI(repo.cloneUrl())
                        .setDirectory(dir.toFile())
                        .setBare(true)
                        .setCloneAllBranches(true)
                        .call()) {
            ObjectId head = clone.getRepository().resolve("refs/heads/main");
            assertEquals(first.head(), head.name());
            assertEquals(
                    repo.head("feature"),
                    clone.getRepository().resolve("refs/heads/feature").name());
            try (RevWalk walk = new RevWalk(clone.getRepository())) {
                RevCommit c = walk.parseCommit(ObjectId.fromString(first.commits().get(0)));
                try (TreeWalk tw =
                        TreeWalk.forPath(clone.getRepository(), "conf/app.yml", c.getTree())) {
                    assertNotNull(tw);
                    assertEquals(
                            "one\n",
                            new String(
                                    clone.getRepository().open(tw.getObjectId(0)).getBytes(),
                                    StandardCharsets.UTF_8));
                }
            }
        }
        assertFalse(gh.requests("/acme/app.git/git-upload-pack").isEmpty());
    }

    @Test
    void commitListIsNewestFirstAndPaged() throws Exception {
        EmulatedRepo repo = gh.createRepo("acme/app");
        EmulatedRepo.PushResult p =
                repo.change()
                        .put("a", "1\n")
                        .nextCommit("2")
                        .put("a", "2\n")
                        .nextCommit("3")
                        .put("a", "3\n")
                        .push();
        HttpResponse<String> r = get("/repos/acme/app/commits?sha=" + p.head() + "&per_page=2");
        JsonArray arr = JsonParser.parseString(r.body()).getAsJsonArray();
        assertEquals(
                List.of(p.commits().get(2), p.commits().get(1)),
                List.of(
                        arr.get(0).getAsJsonObject().get("sha").getAsString(),
                        arr.get(1).getAsJsonObject().get("sha").getAsString()));
        assertTrue(r.headers().firstValue("Link").orElseThrow().contains("page=2"));
    }

    @Test
    void publicEventAndCreateEventAppearOnFeedsPrivateEventsStayOffThePublicFeed()
            throws Exception {
        EmulatedRepo repo = gh.createRepo("acme/secret").makePrivate();
        repo.change().put("a", "1\n").push();
        repo.announceCreated("alice");
        assertEquals(0, JsonParser.parseString(get("/events").body()).getAsJsonArray().size());
        repo.makePublic();
        JsonArray events = JsonParser.parseString(get("/events").body()).getAsJsonArray();
        assertEquals(1, events.size());
        assertEquals("PublicEvent", events.get(0).getAsJsonObject().get("type").getAsString());
        JsonArray repoFeed =
                JsonParser.parseString(get("/repos/acme/secret/events").body()).getAsJsonArray();
        assertEquals(
                List.of("PublicEvent", "CreateEvent", "PushEvent"),
                repoFeed.asList().stream()
                        .map(e -> e.getAsJsonObject().get("type").getAsString())
                        .toList());
        assertEquals(
                "repository",
                repoFeed.get(1)
                        .getAsJsonObject()
                        .getAsJsonObject("payload")
                        .get("ref_type")
                        .getAsString());
    }
}
