package dev.akguard.testkit.github;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The repository endpoints: metadata ({@code clone_url}, {@code default_branch}, {@code private}),
 * commit lists, compare between any two commits, single commits with paged files and patches,
 * contents and raw files.
 */
final class ReposApi {
    static final java.util.regex.Pattern REPO_META =
            java.util.regex.Pattern.compile("^/repos/([^/]+)/([^/]+)$");
    static final java.util.regex.Pattern RAW_PATH =
            java.util.regex.Pattern.compile("^/([^/]+)/([^/]+)/raw/([0-9a-f]{40})/(.+)$");

    private final GitHubEmulator gh;
    volatile int maxPatchBytes = 200_000;

    ReposApi(GitHubEmulator gh) {
        this.gh = gh;
    }

    private String baseUrl() {
        return gh.baseUrl();
    }

    /** Raw bytes of a file at a commit ({@code /OWNER/NAME/raw/SHA/PATH}). */
    Reply raw(EmulatedRepo repo, String sha, String path) {
        EmulatedCommit c = repo == null ? null : repo.resolve(sha);
        byte[] content = c == null ? null : c.tree().get(path);
        return content == null
                ? Reply.json(404, Reply.error("Not Found"))
                : new Reply(200, content, new LinkedHashMap<>(), "application/octet-stream");
    }

    /** {@code GET /repos/O/R}: the fields the monitor reads, as GitHub spells them. */
    JsonObject repositoryJson(EmulatedRepo repo) {
        JsonObject o = new JsonObject();
        o.addProperty("id", repo.id());
        o.addProperty("name", repo.name());
        o.addProperty("full_name", repo.fullName());
        JsonObject owner = new JsonObject();
        owner.addProperty("login", repo.owner());
        o.add("owner", owner);
        o.addProperty("private", repo.isPrivate());
        o.addProperty("visibility", repo.isPrivate() ? "private" : "public");
        o.addProperty("default_branch", repo.defaultBranch());
        o.addProperty("html_url", baseUrl() + "/" + repo.fullName());
        o.addProperty("url", baseUrl() + "/repos/" + repo.fullName());
        o.addProperty("clone_url", repo.cloneUrl());
        long bytes = repo.git().diskBytes();
        for (EmulatedCommit c : repo.allCommits())
            for (byte[] b : c.tree().values()) bytes += b.length;
        o.addProperty("size", bytes / 1024); // GitHub: KB, roughly the packed size
        return o;
    }

    /**
     * {@code GET /repos/O/R/commits?sha=REF}: the history of REF, newest first, paged (30 by
     * default, 100 at most).
     */
    Reply commitList(EmulatedRepo repo, Map<String, String> params) {
        EmulatedCommit head = repo.resolve(params.get("sha"));
        if (head == null)
            return Reply.json(
                    params.containsKey("sha") ? 404 : 409,
                    Reply.error(
                            params.containsKey("sha") ? "Not Found" : "Git Repository is empty."));
        List<EmulatedCommit> all = new ArrayList<>(repo.commitsBetween(null, head));
        Collections.reverse(all);
        int perPage = Math.min(100, Math.max(1, Wire.intParam(params, "per_page", 30)));
        int page = Math.max(1, Wire.intParam(params, "page", 1));
        JsonArray arr = new JsonArray();
        for (int i = (page - 1) * perPage; i < Math.min(all.size(), page * perPage); i++)
            arr.add(commitJson(repo, all.get(i)));
        Reply r = Reply.json(200, arr).withEtag();
        if (page * perPage < all.size()) {
            r.headers.put(
                    "Link",
                    "<"
                            + baseUrl()
                            + "/repos/"
                            + repo.fullName()
                            + "/commits?sha="
                            + head.sha()
                            + "&per_page="
                            + perPage
                            + "&page="
                            + (page + 1)
                            + ">; rel=\"next\"");
        }
        return r;
    }

    Reply compare(EmulatedRepo repo, String basehead) {
        int dots = basehead.indexOf("...");
        if (dots < 0) return Reply.json(404, Reply.error("Not Found"));
        EmulatedCommit base = repo.resolve(basehead.substring(0, dots));
        EmulatedCommit head = repo.resolve(basehead.substring(dots + 3));
        if (base == null || head == null)
            return Reply.json(404, Reply.error("No common ancestor between " + basehead + "."));
        EmulatedCommit mergeBase = repo.mergeBase(base, head);
        List<EmulatedCommit> ahead = repo.commitsBetween(mergeBase, head);
        List<EmulatedCommit> behind = repo.commitsBetween(mergeBase, base);
        if (mergeBase == null) {
            ahead = repo.commitsBetween(null, head);
            behind = repo.commitsBetween(null, base);
        }
        JsonObject o = new JsonObject();
        o.addProperty("url", baseUrl() + "/repos/" + repo.fullName() + "/compare/" + basehead);
        o.addProperty("html_url", baseUrl() + "/" + repo.fullName() + "/compare/" + basehead);
        o.add("base_commit", commitJson(repo, base));
        if (mergeBase != null) o.add("merge_base_commit", commitJson(repo, mergeBase));
        String status =
                ahead.isEmpty() && behind.isEmpty()
                        ? "identical"
                        : behind.isEmpty() ? "ahead" : ahead.isEmpty() ? "behind" : "diverged";
        o.addProperty("status", status);
        o.addProperty("ahead_by", ahead.size());
        o.addProperty("behind_by", behind.size());
        o.addProperty("total_commits", ahead.size());
        JsonArray commits = new JsonArray();
        for (EmulatedCommit c : ahead.subList(Math.max(0, ahead.size() - 250), ahead.size()))
            commits.add(commitJson(repo, c));
        o.add("commits", commits);
        o.add(
                "files",
                files(
                        repo,
                        mergeBase == null ? Map.of() : mergeBase.tree(),
                        head,
                        300)); // GitHub: 300 files at most
        return Reply.json(200, o).withEtag();
    }

    /** A commit with its files paged as on GitHub: 300 per page by default, 3000 at most. */
    Reply commit(EmulatedRepo repo, String ref, Map<String, String> params) {
        EmulatedCommit c = repo.resolve(ref);
        if (c == null) return Reply.json(422, Reply.error("No commit found for SHA: " + ref));
        JsonObject o = commitJson(repo, c);
        EmulatedCommit parent = c.parents().isEmpty() ? null : repo.commit(c.parents().get(0));
        JsonArray all = files(repo, parent == null ? Map.of() : parent.tree(), c, 3000);
        int perPage = Math.min(300, Math.max(1, Wire.intParam(params, "per_page", 300)));
        int page = Math.max(1, Wire.intParam(params, "page", 1));
        JsonArray files = new JsonArray();
        for (int i = (page - 1) * perPage; i < Math.min(all.size(), page * perPage); i++)
            files.add(all.get(i));
        o.add("files", files);
        Reply r = Reply.json(200, o).withEtag();
        if (page * perPage < all.size()) {
            r.headers.put(
                    "Link",
                    "<"
                            + baseUrl()
                            + "/repos/"
                            + repo.fullName()
                            + "/commits/"
                            + c.sha()
                            + "?per_page="
                            + perPage
                            + "&page="
                            + (page + 1)
                            + ">; rel=\"next\"");
        }
        return r;
    }

    JsonObject commitJson(EmulatedRepo repo, EmulatedCommit c) {
        JsonObject o = new JsonObject();
        o.addProperty("sha", c.sha());
        o.addProperty("url", baseUrl() + "/repos/" + repo.fullName() + "/commits/" + c.sha());
        o.addProperty("html_url", baseUrl() + "/" + repo.fullName() + "/commit/" + c.sha());
        JsonObject commit = new JsonObject();
        JsonObject author = new JsonObject();
        author.addProperty("name", c.authorName());
        author.addProperty("email", c.authorEmail());
        author.addProperty("date", c.date().toString());
        commit.add("author", author);
        commit.add("committer", author.deepCopy());
        commit.addProperty("message", c.message());
        o.add("commit", commit);
        JsonObject login = new JsonObject();
        login.addProperty("login", c.authorLogin());
        login.addProperty("id", Math.abs(c.authorLogin().hashCode()));
        o.add("author", login);
        o.add("committer", login.deepCopy());
        JsonArray parents = new JsonArray();
        for (String p : c.parents()) {
            JsonObject po = new JsonObject();
            po.addProperty("sha", p);
            parents.add(po);
        }
        o.add("parents", parents);
        return o;
    }

    JsonArray files(EmulatedRepo repo, Map<String, byte[]> before, EmulatedCommit head, int max) {
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(head.tree().keySet());
        JsonArray files = new JsonArray();
        for (String path : paths) {
            byte[] a = before.get(path), b = head.tree().get(path);
            if (a != null && b != null && java.util.Arrays.equals(a, b)) continue;
            if (files.size() >= max) break;
            JsonObject f = new JsonObject();
            byte[] blob = b != null ? b : a;
            f.addProperty("sha", Wire.blobSha(blob));
            f.addProperty("filename", path);
            f.addProperty("status", a == null ? "added" : b == null ? "removed" : "modified");
            boolean binary = Wire.isBinary(a) || Wire.isBinary(b);
            String patch = binary ? null : UnifiedDiff.patch(Wire.text(a), Wire.text(b));
            int additions = 0, deletions = 0;
            if (patch != null) {
                for (String line : UnifiedDiff.lines(patch)) {
                    if (line.startsWith("+")) additions++;
                    else if (line.startsWith("-")) deletions++;
                }
            }
            f.addProperty("additions", additions);
            f.addProperty("deletions", deletions);
            f.addProperty("changes", additions + deletions);
            String ref =
                    b != null
                            ? head.sha()
                            : head.parents().isEmpty() ? head.sha() : head.parents().get(0);
            f.addProperty(
                    "blob_url", baseUrl() + "/" + repo.fullName() + "/blob/" + ref + "/" + path);
            f.addProperty(
                    "raw_url", baseUrl() + "/" + repo.fullName() + "/raw/" + ref + "/" + path);
            f.addProperty(
                    "contents_url",
                    baseUrl() + "/repos/" + repo.fullName() + "/contents/" + path + "?ref=" + ref);
            if (patch != null && patch.getBytes(StandardCharsets.UTF_8).length <= maxPatchBytes)
                f.addProperty("patch", patch);
            files.add(f);
        }
        return files;
    }

    Reply contents(HttpExchange ex, EmulatedRepo repo, String path, String ref) {
        EmulatedCommit c = repo.resolve(ref);
        byte[] content = c == null ? null : c.tree().get(path);
        if (content == null) return Reply.json(404, Reply.error("Not Found"));
        String accept = Wire.firstHeader(ex, "Accept");
        if (accept != null && accept.contains("application/vnd.github.raw")) {
            return new Reply(200, content, new LinkedHashMap<>(), "application/vnd.github.raw");
        }
        JsonObject o = new JsonObject();
        o.addProperty("type", "file");
        o.addProperty("encoding", "base64");
        o.addProperty("size", content.length);
        o.addProperty("name", path.substring(path.lastIndexOf('/') + 1));
        o.addProperty("path", path);
        o.addProperty("sha", Wire.blobSha(content));
        o.addProperty(
                "content",
                Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(content)
                        + "\n");
        o.addProperty(
                "html_url", baseUrl() + "/" + repo.fullName() + "/blob/" + c.sha() + "/" + path);
        o.addProperty(
                "download_url", baseUrl() + "/" + repo.fullName() + "/raw/" + c.sha() + "/" + path);
        return Reply.json(200, o).withEtag();
    }
}
