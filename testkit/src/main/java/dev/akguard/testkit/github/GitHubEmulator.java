package dev.akguard.testkit.github;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback GitHub REST emulator (HTTP/1.1 on 127.0.0.1) for the endpoints the monitor uses: event feeds with
 * paging, ETag/304 and X-Poll-Interval, compare and commit payloads with patches, contents, raw blobs and code
 * search, with rate-limit headers and injectable faults. Accepts the GitHub Enterprise prefix {@code /api/v3}.
 *
 * <pre>{@code
 * try (GitHubEmulator gh = GitHubEmulator.start()) {
 *     EmulatedRepo repo = gh.createRepo("acme/app");
 *     repo.change().author("alice").put("conf/app.properties", "...").push();
 *     gh.inject(Fault.status(502).on("/events"));
 *     // point the client at gh.baseUrl() (or gh.enterpriseBaseUrl())
 * }
 * }</pre>
 */
public final class GitHubEmulator implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK:
        // ~40 ms per request on loopback. Read once, when the server classes first load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final int MAX_EVENTS = 300;
    private static final Pattern REPO_PATH = Pattern.compile("^/repos/([^/]+)/([^/]+)/(events|compare|commits|contents)(?:/(.*))?$");
    private static final Pattern REPO_META = Pattern.compile("^/repos/([^/]+)/([^/]+)$");
    private static final Pattern RAW_PATH = Pattern.compile("^/([^/]+)/([^/]+)/raw/([0-9a-f]{40})/(.+)$");

    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();
    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final Map<String, EmulatedRepo> repos = new ConcurrentHashMap<>();
    private final GitSmartHttp git = new GitSmartHttp(repos::get);
    private final List<JsonObject> events = Collections.synchronizedList(new ArrayList<>());
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private final Map<Fault, Integer> faultUses = new HashMap<>();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> arrivals = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, RateBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextEventId = new AtomicLong(40_000_000_000L);
    private final AtomicLong nextRepoId = new AtomicLong(700_000_000L);
    private final AtomicLong nextPushId = new AtomicLong(20_000_000_000L);
    private volatile int pollIntervalSeconds = 60;
    private volatile int maxPatchBytes = 200_000;
    private volatile int coreLimit = 5000;
    private volatile int searchPerMinute = 10;
    private volatile Duration latency = Duration.ZERO;
    private volatile int eventRetention = Integer.MAX_VALUE;

    private GitHubEmulator(Clock clock) throws IOException {
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "github-emulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static GitHubEmulator start() throws IOException { return new GitHubEmulator(Clock.systemUTC()); }

    /** Starts with a clock shared with the test (rate-limit resets and event times follow it). */
    public static GitHubEmulator start(Clock clock) throws IOException { return new GitHubEmulator(clock); }

    public String baseUrl() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    /** Base URL as GitHub Enterprise Server spells it. */
    public String enterpriseBaseUrl() { return baseUrl() + "/api/v3"; }

    public int port() { return server.getAddress().getPort(); }

    // ---- test API -------------------------------------------------------------------------------------------

    public EmulatedRepo createRepo(String fullName) { return createRepo(fullName, "main"); }

    public EmulatedRepo createRepo(String fullName, String defaultBranch) {
        return repos.computeIfAbsent(fullName, n -> new EmulatedRepo(this, nextRepoId.incrementAndGet(), n, defaultBranch));
    }

    public EmulatedRepo repo(String fullName) { return repos.get(fullName); }

    /**
     * Serves an existing git repository (e.g. a large generated history for a benchmark) at {@code clone_url} and in
     * {@code GET /repos/O/R}; its commits are not listed by the REST endpoints. Private until {@link EmulatedRepo#makePublic()}.
     */
    public EmulatedRepo importRepo(String fullName, java.nio.file.Path gitDir, String defaultBranch) throws IOException {
        org.eclipse.jgit.lib.Repository r = new org.eclipse.jgit.storage.file.FileRepositoryBuilder().setGitDir(gitDir.toFile())
                .setMustExist(true).build();
        EmulatedRepo repo = new EmulatedRepo(this, nextRepoId.incrementAndGet(), fullName, defaultBranch, r).makePrivate();
        repos.put(fullName, repo);
        return repo;
    }

    /** The value sent in X-Poll-Interval on event feeds (GitHub: 60). */
    public void setPollIntervalSeconds(int seconds) { this.pollIntervalSeconds = seconds; }

    /** Files whose patch would exceed this many bytes get no {@code patch} field, as on GitHub. */
    public void setMaxPatchBytes(int bytes) { this.maxPatchBytes = bytes; }

    /** Core rate limit per token per hour (anonymous callers get 60). */
    public void setCoreRateLimit(int perHour) { this.coreLimit = perHour; buckets.clear(); }

    public void setSearchRateLimit(int perMinute) { this.searchPerMinute = perMinute; }

    /** Keeps only the newest N events (GitHub serves 300 per feed anyway); bounds memory in long benchmarks. */
    public void setEventRetention(int max) { this.eventRetention = Math.max(MAX_EVENTS, max); }

    /** Adds this delay to every response (benchmarks, timeouts). */
    public void setLatency(Duration latency) { this.latency = latency; }

    /** Queues a fault; it fires on the next matching request(s). */
    public void inject(Fault fault) { faults.add(fault); }

    /** Drops every fault not yet fired. */
    public void clearFaults() {
        synchronized (faults) { faults.clear(); faultUses.clear(); }
    }

    /** Every request received so far, oldest first. */
    public List<RecordedRequest> requests() {
        synchronized (requests) { return List.copyOf(requests); }
    }

    public List<RecordedRequest> requests(String pathPrefix) {
        return requests().stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    /** Forgets recorded requests and arrivals (long runs call this to keep memory flat). */
    public void clearRequests() {
        requests.clear();
        arrivals.clear();
    }

    /**
     * Requests whose path starts with the prefix that have ARRIVED, answered or not (a request still being
     * delayed by a fault counts): lets a test act while a client is waiting mid-request.
     */
    public int arrivals(String pathPrefix) {
        synchronized (arrivals) { return (int) arrivals.stream().filter(p -> p.startsWith(pathPrefix)).count(); }
    }

    /** Number of events recorded so far (all repositories). */
    public int eventCount() { return events.size(); }

    // ---- hooks used by EmulatedRepo -------------------------------------------------------------------------

    Instant now() { return clock.instant(); }

    String recordPush(EmulatedRepo repo, String actor, String branch, String before, String head) {
        JsonObject p = new JsonObject();
        p.addProperty("repository_id", repo.id());
        p.addProperty("push_id", nextPushId.incrementAndGet());
        p.addProperty("ref", "refs/heads/" + branch);
        p.addProperty("head", head);
        p.addProperty("before", before);
        return recordEvent(repo, actor, "PushEvent", p);
    }

    /** Appends an event of any type to the feeds; private repositories' events stay off the public feed. */
    String recordEvent(EmulatedRepo repo, String actor, String type, JsonObject payload) {
        String id = Long.toString(nextEventId.incrementAndGet());
        JsonObject e = new JsonObject();
        e.addProperty("id", id);
        e.addProperty("type", type);
        JsonObject a = new JsonObject();
        a.addProperty("id", Math.abs(actor.hashCode()));
        a.addProperty("login", actor);
        a.addProperty("display_login", actor);
        a.addProperty("url", baseUrl() + "/users/" + actor);
        e.add("actor", a);
        JsonObject r = new JsonObject();
        r.addProperty("id", repo.id());
        r.addProperty("name", repo.fullName());
        r.addProperty("url", baseUrl() + "/repos/" + repo.fullName());
        e.add("repo", r);
        e.add("payload", payload);
        e.addProperty("public", !repo.isPrivate());
        e.addProperty("created_at", now().toString());
        JsonObject org = new JsonObject();
        org.addProperty("login", repo.owner());
        e.add("org", org);
        synchronized (events) {
            events.add(e);
            int excess = events.size() - eventRetention;
            if (excess > 0) events.subList(0, excess).clear();
        }
        return id;
    }

    // ---- HTTP -----------------------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            long nano = System.nanoTime();
            String rawPath = ex.getRequestURI().getRawPath();
            String path = rawPath.startsWith("/api/v3/") ? rawPath.substring("/api/v3".length()) : rawPath;
            path = URLDecoder.decode(path, StandardCharsets.UTF_8);
            arrivals.add(path);
            String query = ex.getRequestURI().getRawQuery();
            if (GitSmartHttp.PATH.matcher(path).matches()) {
                Fault fault = takeFault(path);
                if (fault != null && fault.kind == Fault.Kind.DELAY) sleep(fault.delay);
                if (fault != null && fault.kind == Fault.Kind.STATUS) {
                    requests.add(new RecordedRequest(ex.getRequestMethod(), path, query, lowerHeaders(ex), now(), nano, fault.status));
                    send(ex, faultReply(fault, ex));
                    return;
                }
                requests.add(new RecordedRequest(ex.getRequestMethod(), path, query, lowerHeaders(ex), now(), nano, 200));
                git.handle(ex, path, query);
                return;
            }
            Map<String, String> params = parseQuery(query);
            try (InputStream in = ex.getRequestBody()) { in.readAllBytes(); }
            Reply reply;
            Fault fault = takeFault(path);
            if (!latency.isZero()) sleep(latency);
            if (fault != null && fault.kind == Fault.Kind.DELAY) { sleep(fault.delay); fault = null; }
            if (fault != null && fault.kind == Fault.Kind.REDIRECT) {
                reply = new Reply(302, new byte[0], new LinkedHashMap<>(Map.of("Location", fault.message)), null);
            } else if (fault != null && fault.kind == Fault.Kind.STATUS) {
                reply = faultReply(fault, ex);
            } else {
                reply = route(ex, path, params);
                if (fault != null && fault.kind == Fault.Kind.MALFORMED_JSON && reply.status == 200) {
                    byte[] body = reply.body;
                    reply = new Reply(200, java.util.Arrays.copyOf(body, Math.max(1, body.length / 2)), reply.headers, "application/json");
                }
            }
            requests.add(new RecordedRequest(ex.getRequestMethod(), path, query, lowerHeaders(ex), now(), nano, reply.status));
            send(ex, reply);
        } catch (RuntimeException e) {
            send(ex, json(500, error("emulator failure: " + e)));
        }
    }

    private Reply route(HttpExchange ex, String path, Map<String, String> params) {
        if (!"GET".equals(ex.getRequestMethod())) return json(404, error("Not Found"));
        String token = token(ex);
        boolean search = path.equals("/search/code");
        RateBucket bucket = bucket(token, search);
        if (search && token == null) return withRate(json(401, error("Requires authentication")), bucket);
        if (bucket.exhausted(now())) {
            return withRate(json(403, error("API rate limit exceeded for " + (token == null ? "127.0.0.1" : "user") + ".")), bucket);
        }
        Reply reply = dispatch(ex, path, params);
        if (reply.status == 200 && reply.etag != null && reply.etag.equals(firstHeader(ex, "If-None-Match"))) {
            Reply notModified = new Reply(304, new byte[0], reply.headers, null);
            return withRate(notModified, bucket); // 304s cost no rate limit
        }
        bucket.spend(now());
        return withRate(reply, bucket);
    }

    private Reply dispatch(HttpExchange ex, String path, Map<String, String> params) {
        if (path.equals("/events")) return eventsPage(path, params, e -> e.has("public") && e.get("public").getAsBoolean());
        if (path.equals("/rate_limit")) return json(200, new JsonObject());
        Matcher org = Pattern.compile("^/orgs/([^/]+)/events$").matcher(path);
        if (org.matches()) {
            String o = org.group(1);
            return eventsPage(path, params, e -> e.getAsJsonObject("repo").get("name").getAsString().startsWith(o + "/"));
        }
        Matcher user = Pattern.compile("^/users/([^/]+)/events/public$").matcher(path);
        if (user.matches()) {
            String u = user.group(1);
            return eventsPage(path, params, e -> e.getAsJsonObject("actor").get("login").getAsString().equals(u));
        }
        if (path.equals("/search/code")) return searchCode(params);
        Matcher raw = RAW_PATH.matcher(path);
        if (raw.matches()) {
            EmulatedRepo repo = repos.get(raw.group(1) + "/" + raw.group(2));
            EmulatedCommit c = repo == null ? null : repo.resolve(raw.group(3));
            byte[] content = c == null ? null : c.tree().get(raw.group(4));
            return content == null ? json(404, error("Not Found")) : new Reply(200, content, new LinkedHashMap<>(), "application/octet-stream");
        }
        Matcher meta = REPO_META.matcher(path);
        if (meta.matches()) {
            EmulatedRepo repo = repos.get(meta.group(1) + "/" + meta.group(2));
            return repo == null ? json(404, error("Not Found")) : json(200, repositoryJson(repo)).withEtag();
        }
        Matcher m = REPO_PATH.matcher(path);
        if (!m.matches()) return json(404, error("Not Found"));
        EmulatedRepo repo = repos.get(m.group(1) + "/" + m.group(2));
        if (repo == null) return json(404, error("Not Found"));
        String rest = m.group(4);
        return switch (m.group(3)) {
            case "events" -> rest == null ? eventsPage(path, params,
                    e -> e.getAsJsonObject("repo").get("name").getAsString().equals(repo.fullName())) : json(404, error("Not Found"));
            case "compare" -> rest == null ? json(404, error("Not Found")) : compare(repo, rest);
            case "commits" -> rest == null ? commitList(repo, params) : commit(repo, rest, params);
            case "contents" -> rest == null ? json(404, error("Not Found")) : contents(ex, repo, rest, params.get("ref"));
            default -> json(404, error("Not Found"));
        };
    }

    private Reply eventsPage(String path, Map<String, String> params, java.util.function.Predicate<JsonObject> filter) {
        List<JsonObject> matching = new ArrayList<>();
        synchronized (events) {
            for (int i = events.size() - 1; i >= 0 && matching.size() < MAX_EVENTS; i--) {
                if (filter.test(events.get(i))) matching.add(events.get(i));
            }
        }
        int perPage = Math.min(100, Math.max(1, intParam(params, "per_page", 30)));
        int page = Math.max(1, intParam(params, "page", 1));
        int last = Math.max(1, (matching.size() + perPage - 1) / perPage);
        JsonArray arr = new JsonArray();
        for (int i = (page - 1) * perPage; i < Math.min(matching.size(), page * perPage); i++) arr.add(matching.get(i));
        Reply r = json(200, arr);
        StringBuilder link = new StringBuilder();
        String self = baseUrl() + path + "?per_page=" + perPage + "&page=";
        if (page < last) link.append('<').append(self).append(page + 1).append(">; rel=\"next\", <").append(self).append(last).append(">; rel=\"last\"");
        if (page > 1) {
            if (link.length() > 0) link.append(", ");
            link.append('<').append(self).append(1).append(">; rel=\"first\", <").append(self).append(page - 1).append(">; rel=\"prev\"");
        }
        if (link.length() > 0) r.headers.put("Link", link.toString());
        r.headers.put("X-Poll-Interval", Integer.toString(pollIntervalSeconds));
        return r.withEtag();
    }

    private Reply compare(EmulatedRepo repo, String basehead) {
        int dots = basehead.indexOf("...");
        if (dots < 0) return json(404, error("Not Found"));
        EmulatedCommit base = repo.resolve(basehead.substring(0, dots));
        EmulatedCommit head = repo.resolve(basehead.substring(dots + 3));
        if (base == null || head == null) return json(404, error("No common ancestor between " + basehead + "."));
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
        String status = ahead.isEmpty() && behind.isEmpty() ? "identical" : behind.isEmpty() ? "ahead" : ahead.isEmpty() ? "behind" : "diverged";
        o.addProperty("status", status);
        o.addProperty("ahead_by", ahead.size());
        o.addProperty("behind_by", behind.size());
        o.addProperty("total_commits", ahead.size());
        JsonArray commits = new JsonArray();
        for (EmulatedCommit c : ahead.subList(Math.max(0, ahead.size() - 250), ahead.size())) commits.add(commitJson(repo, c));
        o.add("commits", commits);
        o.add("files", files(repo, mergeBase == null ? Map.of() : mergeBase.tree(), head, 300));  // GitHub: 300 files at most
        return json(200, o).withEtag();
    }

    /** {@code GET /repos/O/R}: the fields the monitor reads, as GitHub spells them. */
    private JsonObject repositoryJson(EmulatedRepo repo) {
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
        for (EmulatedCommit c : repo.allCommits()) for (byte[] b : c.tree().values()) bytes += b.length;
        o.addProperty("size", bytes / 1024); // GitHub: KB, roughly the packed size
        return o;
    }

    /** {@code GET /repos/O/R/commits?sha=REF}: the history of REF, newest first, paged (30 by default, 100 at most). */
    private Reply commitList(EmulatedRepo repo, Map<String, String> params) {
        EmulatedCommit head = repo.resolve(params.get("sha"));
        if (head == null) return json(params.containsKey("sha") ? 404 : 409, error(params.containsKey("sha") ? "Not Found" : "Git Repository is empty."));
        List<EmulatedCommit> all = new ArrayList<>(repo.commitsBetween(null, head));
        Collections.reverse(all);
        int perPage = Math.min(100, Math.max(1, intParam(params, "per_page", 30)));
        int page = Math.max(1, intParam(params, "page", 1));
        JsonArray arr = new JsonArray();
        for (int i = (page - 1) * perPage; i < Math.min(all.size(), page * perPage); i++) arr.add(commitJson(repo, all.get(i)));
        Reply r = json(200, arr).withEtag();
        if (page * perPage < all.size()) {
            r.headers.put("Link", "<" + baseUrl() + "/repos/" + repo.fullName() + "/commits?sha=" + head.sha() + "&per_page=" + perPage
                    + "&page=" + (page + 1) + ">; rel=\"next\"");
        }
        return r;
    }

    /** A commit with its files paged as on GitHub: 300 per page by default, 3000 at most. */
    private Reply commit(EmulatedRepo repo, String ref, Map<String, String> params) {
        EmulatedCommit c = repo.resolve(ref);
        if (c == null) return json(422, error("No commit found for SHA: " + ref));
        JsonObject o = commitJson(repo, c);
        EmulatedCommit parent = c.parents().isEmpty() ? null : repo.commit(c.parents().get(0));
        JsonArray all = files(repo, parent == null ? Map.of() : parent.tree(), c, 3000);
        int perPage = Math.min(300, Math.max(1, intParam(params, "per_page", 300)));
        int page = Math.max(1, intParam(params, "page", 1));
        JsonArray files = new JsonArray();
        for (int i = (page - 1) * perPage; i < Math.min(all.size(), page * perPage); i++) files.add(all.get(i));
        o.add("files", files);
        Reply r = json(200, o).withEtag();
        if (page * perPage < all.size()) {
            r.headers.put("Link", "<" + baseUrl() + "/repos/" + repo.fullName() + "/commits/" + c.sha() + "?per_page=" + perPage
                    + "&page=" + (page + 1) + ">; rel=\"next\"");
        }
        return r;
    }

    private JsonObject commitJson(EmulatedRepo repo, EmulatedCommit c) {
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

    private JsonArray files(EmulatedRepo repo, Map<String, byte[]> before, EmulatedCommit head, int max) {
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(head.tree().keySet());
        JsonArray files = new JsonArray();
        for (String path : paths) {
            byte[] a = before.get(path), b = head.tree().get(path);
            if (a != null && b != null && java.util.Arrays.equals(a, b)) continue;
            if (files.size() >= max) break;
            JsonObject f = new JsonObject();
            byte[] blob = b != null ? b : a;
            f.addProperty("sha", blobSha(blob));
            f.addProperty("filename", path);
            f.addProperty("status", a == null ? "added" : b == null ? "removed" : "modified");
            boolean binary = isBinary(a) || isBinary(b);
            String patch = binary ? null : UnifiedDiff.patch(text(a), text(b));
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
            String ref = b != null ? head.sha() : head.parents().isEmpty() ? head.sha() : head.parents().get(0);
            f.addProperty("blob_url", baseUrl() + "/" + repo.fullName() + "/blob/" + ref + "/" + path);
            f.addProperty("raw_url", baseUrl() + "/" + repo.fullName() + "/raw/" + ref + "/" + path);
            f.addProperty("contents_url", baseUrl() + "/repos/" + repo.fullName() + "/contents/" + path + "?ref=" + ref);
            if (patch != null && patch.getBytes(StandardCharsets.UTF_8).length <= maxPatchBytes) f.addProperty("patch", patch);
            files.add(f);
        }
        return files;
    }

    private Reply contents(HttpExchange ex, EmulatedRepo repo, String path, String ref) {
        EmulatedCommit c = repo.resolve(ref);
        byte[] content = c == null ? null : c.tree().get(path);
        if (content == null) return json(404, error("Not Found"));
        String accept = firstHeader(ex, "Accept");
        if (accept != null && accept.contains("application/vnd.github.raw")) {
            return new Reply(200, content, new LinkedHashMap<>(), "application/vnd.github.raw");
        }
        JsonObject o = new JsonObject();
        o.addProperty("type", "file");
        o.addProperty("encoding", "base64");
        o.addProperty("size", content.length);
        o.addProperty("name", path.substring(path.lastIndexOf('/') + 1));
        o.addProperty("path", path);
        o.addProperty("sha", blobSha(content));
        o.addProperty("content", Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content) + "\n");
        o.addProperty("html_url", baseUrl() + "/" + repo.fullName() + "/blob/" + c.sha() + "/" + path);
        o.addProperty("download_url", baseUrl() + "/" + repo.fullName() + "/raw/" + c.sha() + "/" + path);
        return json(200, o).withEtag();
    }

    private Reply searchCode(Map<String, String> params) {
        String q = params.getOrDefault("q", "");
        List<String> terms = new ArrayList<>();
        String repoFilter = null, ownerFilter = null;
        for (String part : q.trim().split("\\s+")) {
            if (part.isEmpty()) continue;
            String lower = part.toLowerCase(Locale.ROOT);
            if (lower.startsWith("repo:")) repoFilter = part.substring(5);
            else if (lower.startsWith("org:") || lower.startsWith("user:")) ownerFilter = part.substring(part.indexOf(':') + 1);
            else if (!lower.contains(":")) terms.add(lower.replace("\"", ""));
        }
        if (terms.isEmpty()) return json(422, error("Validation Failed"));
        List<JsonObject> items = new ArrayList<>();
        List<EmulatedRepo> sorted = new ArrayList<>(repos.values());
        sorted.sort((a, b) -> a.fullName().compareTo(b.fullName()));
        for (EmulatedRepo repo : sorted) {
            if (repoFilter != null && !repo.fullName().equals(repoFilter)) continue;
            if (ownerFilter != null && !repo.owner().equals(ownerFilter)) continue;
            EmulatedCommit head = repo.resolve(repo.defaultBranch());
            if (head == null) continue;
            for (Map.Entry<String, byte[]> file : new java.util.TreeMap<>(head.tree()).entrySet()) {
                if (isBinary(file.getValue())) continue;
                String text = text(file.getValue()).toLowerCase(Locale.ROOT);
                if (!terms.stream().allMatch(text::contains)) continue;
                JsonObject item = new JsonObject();
                item.addProperty("name", file.getKey().substring(file.getKey().lastIndexOf('/') + 1));
                item.addProperty("path", file.getKey());
                item.addProperty("sha", blobSha(file.getValue()));
                item.addProperty("url", baseUrl() + "/repos/" + repo.fullName() + "/contents/" + file.getKey() + "?ref=" + head.sha());
                item.addProperty("html_url", baseUrl() + "/" + repo.fullName() + "/blob/" + head.sha() + "/" + file.getKey());
                JsonObject r = new JsonObject();
                r.addProperty("id", repo.id());
                r.addProperty("name", repo.name());
                r.addProperty("full_name", repo.fullName());
                JsonObject owner = new JsonObject();
                owner.addProperty("login", repo.owner());
                r.add("owner", owner);
                item.add("repository", r);
                items.add(item);
            }
        }
        int perPage = Math.min(100, Math.max(1, intParam(params, "per_page", 30)));
        int page = Math.max(1, intParam(params, "page", 1));
        JsonObject o = new JsonObject();
        o.addProperty("total_count", items.size());
        o.addProperty("incomplete_results", false);
        JsonArray arr = new JsonArray();
        for (int i = (page - 1) * perPage; i < Math.min(Math.min(items.size(), 1000), page * perPage); i++) arr.add(items.get(i));
        o.add("items", arr);
        Reply r = json(200, o);
        if (page * perPage < Math.min(items.size(), 1000)) {
            r.headers.put("Link", "<" + baseUrl() + "/search/code?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)
                    + "&per_page=" + perPage + "&page=" + (page + 1) + ">; rel=\"next\"");
        }
        return r;
    }

    // ---- faults, rate limits ---------------------------------------------------------------------------------

    private Fault takeFault(String path) {
        synchronized (faults) {
            for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
                Fault f = it.next();
                if (!path.startsWith(f.pathPrefix())) continue;
                int used = faultUses.merge(f, 1, Integer::sum);
                if (used >= f.timesValue()) { it.remove(); faultUses.remove(f); }
                return f;
            }
        }
        return null;
    }

    private Reply faultReply(Fault f, HttpExchange ex) {
        Reply r = json(f.status, error(f.message));
        RateBucket bucket = bucket(token(ex), false);
        withRate(r, bucket);
        if (f.retryAfterSeconds != null) r.headers.put("Retry-After", Integer.toString(f.retryAfterSeconds));
        if (f.rateLimitResetInSeconds != null) {
            r.headers.put("x-ratelimit-remaining", "0");
            r.headers.put("x-ratelimit-reset", Long.toString(now().getEpochSecond() + f.rateLimitResetInSeconds));
        }
        return r;
    }

    private RateBucket bucket(String token, boolean search) {
        String key = (search ? "search:" : "core:") + (token == null ? "anonymous" : token);
        int limit = search ? searchPerMinute : token == null ? 60 : coreLimit;
        Duration window = search ? Duration.ofMinutes(1) : Duration.ofHours(1);
        return buckets.computeIfAbsent(key, k -> new RateBucket(limit, window, search ? "search" : "core"));
    }

    private Reply withRate(Reply r, RateBucket b) {
        synchronized (b) {
            b.roll(now());
            r.headers.put("x-ratelimit-limit", Integer.toString(b.limit));
            r.headers.put("x-ratelimit-remaining", Integer.toString(Math.max(0, b.limit - b.used)));
            r.headers.put("x-ratelimit-used", Integer.toString(b.used));
            r.headers.put("x-ratelimit-reset", Long.toString(b.resetAt.getEpochSecond()));
            r.headers.put("x-ratelimit-resource", b.resource);
        }
        return r;
    }

    private static final class RateBucket {
        final int limit;
        final Duration window;
        final String resource;
        int used;
        Instant resetAt = Instant.EPOCH;

        RateBucket(int limit, Duration window, String resource) {
            this.limit = limit;
            this.window = window;
            this.resource = resource;
        }

        synchronized void roll(Instant now) {
            if (!now.isBefore(resetAt)) { used = 0; resetAt = now.plus(window); }
        }

        synchronized boolean exhausted(Instant now) { roll(now); return used >= limit; }

        synchronized void spend(Instant now) { roll(now); used++; }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static final class Reply {
        final int status;
        final byte[] body;
        final Map<String, String> headers;
        final String contentType;
        String etag;

        Reply(int status, byte[] body, Map<String, String> headers, String contentType) {
            this.status = status;
            this.body = body;
            this.headers = headers;
            this.contentType = contentType;
        }

        Reply withEtag() {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
                etag = "W/\"" + HexFormat.of().formatHex(d, 0, 16) + "\"";
                headers.put("ETag", etag);
                return this;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Reply json(int status, JsonElement body) {
        return new Reply(status, gson.toJson(body).getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>(), "application/json; charset=utf-8");
    }

    private static JsonObject error(String message) {
        JsonObject o = new JsonObject();
        o.addProperty("message", message);
        o.addProperty("documentation_url", "https://docs.github.com/rest");
        return o;
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        reply.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (reply.contentType != null) ex.getResponseHeaders().set("Content-Type", reply.contentType);
        if (reply.status == 304 || reply.body.length == 0) {
            ex.sendResponseHeaders(reply.status, -1);
            return;
        }
        ex.sendResponseHeaders(reply.status, reply.body.length);
        try (OutputStream out = ex.getResponseBody()) { out.write(reply.body); }
    }

    private static String token(HttpExchange ex) {
        String auth = firstHeader(ex, "Authorization");
        if (auth == null) return null;
        String lower = auth.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bearer ")) return auth.substring(7).trim();
        if (lower.startsWith("token ")) return auth.substring(6).trim();
        return null;
    }

    private static String firstHeader(HttpExchange ex, String name) { return ex.getRequestHeaders().getFirst(name); }

    private static Map<String, List<String>> lowerHeaders(HttpExchange ex) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return out;
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    private static int intParam(Map<String, String> params, String name, int dflt) {
        try {
            return params.containsKey(name) ? Integer.parseInt(params.get(name)) : dflt;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    static boolean isBinary(byte[] b) {
        if (b == null) return false;
        for (int i = 0; i < Math.min(b.length, 8000); i++) if (b[i] == 0) return true;
        return false;
    }

    private static String text(byte[] b) { return b == null ? "" : new String(b, StandardCharsets.UTF_8); }

    private String blobSha(byte[] content) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(md.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
