package dev.akguard.monitor.github;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.akguard.core.text.UriPaths;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Typed calls for the endpoints the watcher uses, over {@link GitHubClient}. */
public final class GitHubApi {

    private static final int PER_PAGE = 100;
    private static final Pattern REF_IN_URL = Pattern.compile("[?&]ref=([^&]+)");

    private final GitHubClient client;

    public GitHubApi(GitHubClient client) {
        this.client = client;
    }

    public GitHubClient client() {
        return client;
    }

    /**
     * Polls a feed ({@code /events}, {@code /orgs/O/events}, ...): page 1 conditionally, then
     * further pages until an event at or below {@code lastSeenId} shows up (at most {@code
     * maxPages}; GitHub serves 300 events at most).
     */
    public FeedPoll pollFeed(String feedPath, String etag, String lastSeenId, int maxPages)
            throws InterruptedException {
        String url = feedPath + (feedPath.contains("?") ? "&" : "?") + "per_page=" + PER_PAGE;
        GitHubResponse first = client.get(url, etag);
        if (first.notModified())
            return new FeedPoll(
                    true, List.of(), etag, lastSeenId, first.pollIntervalSeconds(), false);
        List<PushEvent> pushes = new ArrayList<>();
        String newest = lastSeenId;
        GitHubResponse page = first;
        boolean reachedKnown = false;
        for (int n = 1; ; n++) {
            for (JsonElement el : asArray(page.body())) {
                JsonObject e = el.getAsJsonObject();
                String id = str(e, "id");
                if (id == null) continue;
                if (lastSeenId != null && PushEvent.compareIds(id, lastSeenId) <= 0) {
                    reachedKnown = true;
                    continue;
                }
                if (newest == null || PushEvent.compareIds(id, newest) > 0) newest = id;
                if ("PushEvent".equals(str(e, "type"))) {
                    PushEvent p = pushEvent(e);
                    if (p != null) pushes.add(p);
                } else if ("PublicEvent".equals(str(e, "type"))) {
                    PushEvent p = publicEvent(e);
                    if (p != null) pushes.add(p);
                } else if ("CreateEvent".equals(str(e, "type"))) {
                    PushEvent p = createEvent(e);
                    if (p != null) pushes.add(p);
                }
            }
            if (reachedKnown || page.nextUrl() == null || n >= maxPages) break;
            page = client.get(page.nextUrl(), null);
        }
        // A push that creates a branch comes with a CreateEvent for it: the push says more (its
        // commits), so the ref is not read twice.
        java.util.Set<String> pushedRefs = new java.util.HashSet<>();
        for (PushEvent p : pushes) if (!p.namesItsHead()) pushedRefs.add(p.repo() + " " + p.ref());
        pushes.removeIf(p -> p.namesItsHead() && pushedRefs.contains(p.repo() + " " + p.ref()));
        pushes.sort((a, b) -> PushEvent.compareIds(a.id(), b.id()));
        boolean gap = lastSeenId != null && !reachedKnown;
        return new FeedPoll(
                false,
                Collections.unmodifiableList(pushes),
                first.etag(),
                newest,
                first.pollIntervalSeconds(),
                gap);
    }

    /** GitHub's caps: files in one compare, commits in one compare, file pages of one commit. */
    static final int COMPARE_MAX_FILES = 300;

    static final int COMMIT_MAX_FILE_PAGES = 10;

    /**
     * {@code GET /repos/{repo}/compare/{base}...{head}}; {@link Change#incomplete()} when GitHub
     * cut it.
     */
    public Change compare(String repo, String base, String head) throws InterruptedException {
        JsonObject o =
                client.get(
                                "/repos/"
                                        + UriPaths.path(repo)
                                        + "/compare/"
                                        + UriPaths.segment(base)
                                        + "..."
                                        + UriPaths.segment(head),
                                null)
                        .body()
                        .getAsJsonObject();
        JsonArray commits =
                o.has("commits") && o.get("commits").isJsonArray()
                        ? o.getAsJsonArray("commits")
                        : new JsonArray();
        JsonObject headCommit =
                commits.isEmpty() ? null : commits.get(commits.size() - 1).getAsJsonObject();
        List<String> shas = new ArrayList<>();
        for (JsonElement c : commits)
            if (c.isJsonObject() && str(c.getAsJsonObject(), "sha") != null)
                shas.add(str(c.getAsJsonObject(), "sha"));
        JsonArray files = asArray(o.get("files"));
        int total =
                o.has("total_commits") && o.get("total_commits").isJsonPrimitive()
                        ? o.get("total_commits").getAsInt()
                        : shas.size();
        boolean incomplete = files.size() >= COMPARE_MAX_FILES || total > shas.size();
        return change(headCommit, head, files, repo, shas, incomplete);
    }

    /**
     * {@code GET /repos/{repo}}: where to clone it from, its default branch, visibility and size.
     */
    public RepoInfo repository(String repo) throws InterruptedException {
        JsonObject o = client.get("/repos/" + UriPaths.path(repo), null).body().getAsJsonObject();
        long sizeKb =
                o.has("size") && o.get("size").isJsonPrimitive() ? o.get("size").getAsLong() : -1;
        boolean priv =
                o.has("private")
                        && o.get("private").isJsonPrimitive()
                        && o.get("private").getAsBoolean();
        return new RepoInfo(repo, str(o, "default_branch"), str(o, "clone_url"), priv, sizeKb);
    }

    /**
     * {@code GET /repos/{repo}/commits?sha=}: the history of {@code sha}, oldest first, at most
     * {@code max} commits; {@link CommitList#more()} when the history is longer (then clone it).
     */
    public CommitList history(String repo, String sha, int max) throws InterruptedException {
        List<String> newestFirst = new ArrayList<>();
        String url =
                "/repos/"
                        + UriPaths.path(repo)
                        + "/commits?sha="
                        + URLEncoder.encode(sha, StandardCharsets.UTF_8)
                        + "&per_page="
                        + PER_PAGE;
        boolean more = false;
        while (url != null) {
            GitHubResponse r = client.get(url, null);
            for (JsonElement el : asArray(r.body())) {
                if (!el.isJsonObject() || str(el.getAsJsonObject(), "sha") == null) continue;
                if (newestFirst.size() == max) {
                    more = true;
                    break;
                }
                newestFirst.add(str(el.getAsJsonObject(), "sha"));
            }
            if (more) break;
            url = r.nextUrl();
            if (url != null && newestFirst.size() >= max) {
                more = true;
                break;
            }
        }
        Collections.reverse(newestFirst);
        return new CommitList(newestFirst, more);
    }

    /**
     * A file's bytes at a ref (contents API, raw media type), reading at most {@code maxBytes}: a
     * longer file comes back cut to {@code maxBytes} with {@link FileContent#cut()} set; the rest
     * is never downloaded.
     */
    public FileContent content(String contentsUrl, long maxBytes) throws InterruptedException {
        byte[] b = client.getRaw(contentsUrl, "application/vnd.github.raw", maxBytes).rawBody();
        boolean cut = b.length > maxBytes;
        return new FileContent(cut ? java.util.Arrays.copyOf(b, (int) maxBytes) : b, cut);
    }

    public String contentsUrl(String repo, String path, String ref) {
        return "/repos/"
                + UriPaths.path(repo)
                + "/contents/"
                + UriPaths.path(path)
                + (ref == null ? "" : "?ref=" + URLEncoder.encode(ref, StandardCharsets.UTF_8));
    }

    /**
     * {@code GET /repos/{repo}/commits/{sha}}: the commit against its first parent, every page of
     * its files.
     */
    public Change commit(String repo, String sha) throws InterruptedException {
        GitHubResponse r =
                client.get(
                        "/repos/" + UriPaths.path(repo) + "/commits/" + UriPaths.segment(sha),
                        null);
        JsonObject o = r.body().getAsJsonObject();
        JsonArray files = asArray(o.get("files")).deepCopy();
        for (int page = 1; r.nextUrl() != null && page < COMMIT_MAX_FILE_PAGES; page++) {
            r = client.get(r.nextUrl(), null);
            files.addAll(asArray(r.body().getAsJsonObject().get("files")));
        }
        return change(
                o,
                sha,
                files,
                repo,
                List.of(str(o, "sha") == null ? sha : str(o, "sha")),
                r.nextUrl() != null);
    }

    /**
     * A file's bytes at a ref, through the contents API (base64), falling back to the raw download
     * URL.
     */
    public byte[] content(String repo, String path, String ref) throws InterruptedException {
        return contentAt(contentsUrl(repo, path, ref));
    }

    /** Contents by the URL a payload gave ({@code contents_url} or a search hit's {@code url}). */
    public byte[] contentAt(String contentsUrl) throws InterruptedException {
        JsonObject o = client.get(contentsUrl, null).body().getAsJsonObject();
        String encoding = str(o, "encoding");
        String content = str(o, "content");
        if ("base64".equals(encoding) && content != null)
            return Base64.getMimeDecoder().decode(content);
        String download = str(o, "download_url");
        if (download != null) return client.getRaw(download, "application/octet-stream").rawBody();
        throw new GitHubException(
                "GitHub sent no content for " + contentsUrl + " (encoding " + encoding + ")", 200);
    }

    /** {@code GET /search/code?q=}: needs a token; at most {@code maxPages} pages of 100. */
    public List<CodeSearchHit> searchCode(String query, int maxPages) throws InterruptedException {
        if (!client.hasToken()) {
            throw new GitHubException(
                    "Code search needs a token: set GITHUB_TOKEN, or turn the search sweep off.",
                    401);
        }
        List<CodeSearchHit> hits = new ArrayList<>();
        String url =
                "/search/code?q="
                        + URLEncoder.encode(query, StandardCharsets.UTF_8)
                        + "&per_page="
                        + PER_PAGE;
        for (int n = 0; n < maxPages && url != null; n++) {
            GitHubResponse r = client.get(url, null);
            JsonObject o = r.body().getAsJsonObject();
            for (JsonElement el : asArray(o.get("items"))) {
                JsonObject item = el.getAsJsonObject();
                JsonObject repo = item.getAsJsonObject("repository");
                String contentsUrl = str(item, "url");
                String ref = null;
                if (contentsUrl != null) {
                    Matcher m = REF_IN_URL.matcher(contentsUrl);
                    if (m.find()) ref = m.group(1);
                }
                hits.add(
                        new CodeSearchHit(
                                repo == null ? null : str(repo, "full_name"),
                                str(item, "path"),
                                contentsUrl,
                                str(item, "html_url"),
                                ref));
            }
            url = r.nextUrl();
        }
        return hits;
    }

    private Change change(
            JsonObject commit,
            String fallbackSha,
            JsonArray files,
            String repo,
            List<String> commits,
            boolean incomplete) {
        String sha = commit == null ? fallbackSha : str(commit, "sha");
        String login = null, name = null;
        if (commit != null) {
            if (commit.has("author") && commit.get("author").isJsonObject())
                login = str(commit.getAsJsonObject("author"), "login");
            JsonObject inner =
                    commit.has("commit") && commit.get("commit").isJsonObject()
                            ? commit.getAsJsonObject("commit")
                            : null;
            if (inner != null && inner.has("author") && inner.get("author").isJsonObject())
                name = str(inner.getAsJsonObject("author"), "name");
        }
        List<ChangedFile> out = new ArrayList<>();
        for (JsonElement el : asArray(files)) {
            JsonObject f = el.getAsJsonObject();
            out.add(
                    new ChangedFile(
                            str(f, "filename"),
                            str(f, "status"),
                            str(f, "patch"),
                            str(f, "raw_url"),
                            str(f, "contents_url"),
                            sha));
        }
        List<String> parents = new ArrayList<>();
        if (commit != null && commit.has("parents") && commit.get("parents").isJsonArray()) {
            for (JsonElement p : commit.getAsJsonArray("parents"))
                if (p.isJsonObject() && str(p.getAsJsonObject(), "sha") != null)
                    parents.add(str(p.getAsJsonObject(), "sha"));
        }
        return new Change(sha, login, name, htmlBase(repo), out, commits, incomplete, parents);
    }

    /** The web URL of a repository: the API host without {@code api.} / {@code /api/v3}. */
    public String htmlBase(String repo) {
        String b = client.baseUrl();
        if (b.endsWith("/api/v3")) b = b.substring(0, b.length() - "/api/v3".length());
        b = b.replace("://api.github.com", "://github.com");
        return b + "/" + UriPaths.path(repo);
    }

    /** A private repository made public: its whole history is published at once. */
    private static PushEvent publicEvent(JsonObject e) {
        JsonObject repo = object(e, "repo");
        if (repo == null || str(repo, "name") == null) return null;
        JsonObject actor = object(e, "actor");
        return PushEvent.wholeRepository(
                str(e, "id"),
                str(repo, "name"),
                actor == null ? null : str(actor, "login"),
                createdAt(e));
    }

    private static PushEvent createEvent(JsonObject e) {
        JsonObject p = object(e, "payload");
        JsonObject repo = object(e, "repo");
        if (p == null || repo == null || str(repo, "name") == null) return null;
        JsonObject actor = object(e, "actor");
        return PushEvent.created(
                str(e, "id"),
                str(repo, "name"),
                actor == null ? null : str(actor, "login"),
                str(p, "ref"),
                str(p, "ref_type"),
                createdAt(e));
    }

    /** A member that is a JSON object, or null (events come in many shapes). */
    private static JsonObject object(JsonObject e, String name) {
        return e.has(name) && e.get(name).isJsonObject() ? e.getAsJsonObject(name) : null;
    }

    private static Instant createdAt(JsonObject e) {
        try {
            String c = str(e, "created_at");
            return c == null ? null : Instant.parse(c);
        } catch (DateTimeParseException ignored) {
            return null; // informative only
        }
    }

    private static PushEvent pushEvent(JsonObject e) {
        JsonObject p = object(e, "payload");
        JsonObject repo = object(e, "repo");
        if (p == null || repo == null || str(p, "head") == null || str(repo, "name") == null)
            return null;
        JsonObject actor = object(e, "actor");
        Instant created = createdAt(e);
        return new PushEvent(
                str(e, "id"),
                str(repo, "name"),
                actor == null ? null : str(actor, "login"),
                str(p, "ref"),
                str(p, "before"),
                str(p, "head"),
                created);
    }

    private static JsonArray asArray(JsonElement e) {
        if (e == null || !e.isJsonArray())
            throw new GitHubException(
                    "GitHub sent an unexpected payload (expected a JSON array)", 200);
        return e.getAsJsonArray();
    }

    static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
    }
}
