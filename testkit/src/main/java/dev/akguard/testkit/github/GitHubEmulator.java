package dev.akguard.testkit.github;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback GitHub emulator (HTTP/1.1 on 127.0.0.1) for what the monitor uses, one class per API
 * as the Alibaba Cloud emulator: {@link EventFeeds} (feeds with paging, ETag/304, X-Poll-Interval;
 * Push, Create and Public events), {@link ReposApi} (repository metadata with {@code clone_url},
 * commit lists, compare, commits with patches, contents, raw files), {@link CodeSearchApi}, and
 * {@link GitSmartHttp} (clones over git's smart HTTP from the real git repository behind every
 * {@link EmulatedRepo}). This class is the server: routing, rate-limit headers and injectable
 * faults. Accepts the GitHub Enterprise prefix {@code /api/v3}.
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
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK:
        // ~40 ms per request on loopback. Read once, when the server classes first load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null)
            System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Pattern REPO_PATH =
            Pattern.compile("^/repos/([^/]+)/([^/]+)/(events|compare|commits|contents)(?:/(.*))?$");
    private final HttpServer server;
    private final ExecutorService executor;
    private final Clock clock;
    private final Map<String, EmulatedRepo> repos = new ConcurrentHashMap<>();
    private final GitSmartHttp git = new GitSmartHttp(repos::get);
    private final EventFeeds feeds = new EventFeeds(this);
    private final ReposApi reposApi = new ReposApi(this);
    private final CodeSearchApi search = new CodeSearchApi(this);
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private final Map<Fault, Integer> faultUses = new HashMap<>();
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> arrivals = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, RateBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextRepoId = new AtomicLong(700_000_000L);
    private volatile int coreLimit = 5000;
    private volatile int searchPerMinute = 10;
    private volatile Duration latency = Duration.ZERO;

    private GitHubEmulator(Clock clock) throws IOException {
        this.clock = clock;
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor =
                Executors.newFixedThreadPool(
                        8,
                        r -> {
                            Thread t = new Thread(r, "github-emulator");
                            t.setDaemon(true);
                            return t;
                        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static GitHubEmulator start() throws IOException {
        return new GitHubEmulator(Clock.systemUTC());
    }

    /** Starts with a clock shared with the test (rate-limit resets and event times follow it). */
    public static GitHubEmulator start(Clock clock) throws IOException {
        return new GitHubEmulator(clock);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Base URL as GitHub Enterprise Server spells it. */
    public String enterpriseBaseUrl() {
        return baseUrl() + "/api/v3";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    // ---- test API
    // -------------------------------------------------------------------------------------------

    public EmulatedRepo createRepo(String fullName) {
        return createRepo(fullName, "main");
    }

    public EmulatedRepo createRepo(String fullName, String defaultBranch) {
        return repos.computeIfAbsent(
                fullName,
                n -> new EmulatedRepo(this, nextRepoId.incrementAndGet(), n, defaultBranch));
    }

    public EmulatedRepo repo(String fullName) {
        return repos.get(fullName);
    }

    /**
     * Serves an existing git repository (e.g. a large generated history for a benchmark) at {@code
     * clone_url} and in {@code GET /repos/O/R}; its commits are not listed by the REST endpoints.
     * Private until {@link EmulatedRepo#makePublic()}.
     */
    public EmulatedRepo importRepo(String fullName, java.nio.file.Path gitDir, String defaultBranch)
            throws IOException {
        org.eclipse.jgit.lib.Repository r =
                new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                        .setGitDir(gitDir.toFile())
                        .setMustExist(true)
                        .build();
        EmulatedRepo repo =
                new EmulatedRepo(this, nextRepoId.incrementAndGet(), fullName, defaultBranch, r)
                        .makePrivate();
        repos.put(fullName, repo);
        return repo;
    }

    /** The value sent in X-Poll-Interval on event feeds (GitHub: 60). */
    public void setPollIntervalSeconds(int seconds) {
        feeds.pollIntervalSeconds = seconds;
    }

    /** Files whose patch would exceed this many bytes get no {@code patch} field, as on GitHub. */
    public void setMaxPatchBytes(int bytes) {
        reposApi.maxPatchBytes = bytes;
    }

    /** Core rate limit per token per hour (anonymous callers get 60). */
    public void setCoreRateLimit(int perHour) {
        this.coreLimit = perHour;
        buckets.clear();
    }

    public void setSearchRateLimit(int perMinute) {
        this.searchPerMinute = perMinute;
    }

    /**
     * Keeps only the newest N events (GitHub serves 300 per feed anyway); bounds memory in long
     * benchmarks.
     */
    public void setEventRetention(int max) {
        feeds.eventRetention = Math.max(EventFeeds.MAX_EVENTS, max);
    }

    /** Adds this delay to every response (benchmarks, timeouts). */
    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    /** Queues a fault; it fires on the next matching request(s). */
    public void inject(Fault fault) {
        faults.add(fault);
    }

    /** Drops every fault not yet fired. */
    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
            faultUses.clear();
        }
    }

    /** Every request received so far, oldest first. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
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
     * Requests whose path starts with the prefix that have ARRIVED, answered or not (a request
     * still being delayed by a fault counts): lets a test act while a client is waiting
     * mid-request.
     */
    public int arrivals(String pathPrefix) {
        synchronized (arrivals) {
            return (int) arrivals.stream().filter(p -> p.startsWith(pathPrefix)).count();
        }
    }

    /** Number of events recorded so far (all repositories). */
    public int eventCount() {
        return feeds.events.size();
    }

    // ---- hooks used by EmulatedRepo
    // -------------------------------------------------------------------------

    Instant now() {
        return clock.instant();
    }

    String recordPush(EmulatedRepo repo, String actor, String branch, String before, String head) {
        return feeds.recordPush(repo, actor, branch, before, head);
    }

    String recordEvent(EmulatedRepo repo, String actor, String type, JsonObject payload) {
        return feeds.recordEvent(repo, actor, type, payload);
    }

    // ---- HTTP
    // -----------------------------------------------------------------------------------------------

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            long nano = System.nanoTime();
            String rawPath = ex.getRequestURI().getRawPath();
            String path =
                    rawPath.startsWith("/api/v3/")
                            ? rawPath.substring("/api/v3".length())
                            : rawPath;
            path = URLDecoder.decode(path, StandardCharsets.UTF_8);
            arrivals.add(path);
            String query = ex.getRequestURI().getRawQuery();
            if (GitSmartHttp.PATH.matcher(path).matches()) {
                Fault fault = takeFault(path);
                if (fault != null && fault.kind == Fault.Kind.DELAY) sleep(fault.delay);
                if (fault != null && fault.kind == Fault.Kind.STATUS) {
                    requests.add(
                            new RecordedRequest(
                                    ex.getRequestMethod(),
                                    path,
                                    query,
                                    Wire.lowerHeaders(ex),
                                    now(),
                                    nano,
                                    fault.status));
                    Reply.send(ex, faultReply(fault, ex));
                    return;
                }
                requests.add(
                        new RecordedRequest(
                                ex.getRequestMethod(),
                                path,
                                query,
                                Wire.lowerHeaders(ex),
                                now(),
                                nano,
                                200));
                git.handle(ex, path, query);
                return;
            }
            Map<String, String> params = Wire.parseQuery(query);
            try (InputStream in = ex.getRequestBody()) {
                in.readAllBytes();
            }
            Reply reply;
            Fault fault = takeFault(path);
            if (!latency.isZero()) sleep(latency);
            if (fault != null && fault.kind == Fault.Kind.DELAY) {
                sleep(fault.delay);
                fault = null;
            }
            if (fault != null && fault.kind == Fault.Kind.REDIRECT) {
                reply =
                        new Reply(
                                302,
                                new byte[0],
                                new LinkedHashMap<>(Map.of("Location", fault.message)),
                                null);
            } else if (fault != null && fault.kind == Fault.Kind.STATUS) {
                reply = faultReply(fault, ex);
            } else {
                reply = route(ex, path, params);
                if (fault != null
                        && fault.kind == Fault.Kind.MALFORMED_JSON
                        && reply.status == 200) {
                    byte[] body = reply.body;
                    reply =
                            new Reply(
                                    200,
                                    java.util.Arrays.copyOf(body, Math.max(1, body.length / 2)),
                                    reply.headers,
                                    "application/json");
                }
            }
            requests.add(
                    new RecordedRequest(
                            ex.getRequestMethod(),
                            path,
                            query,
                            Wire.lowerHeaders(ex),
                            now(),
                            nano,
                            reply.status));
            Reply.send(ex, reply);
        } catch (RuntimeException e) {
            Reply.send(ex, Reply.json(500, Reply.error("emulator failure: " + e)));
        }
    }

    private Reply route(HttpExchange ex, String path, Map<String, String> params) {
        if (!"GET".equals(ex.getRequestMethod())) return Reply.json(404, Reply.error("Not Found"));
        String token = Wire.token(ex);
        boolean search = path.equals("/search/code");
        RateBucket bucket = bucket(token, search);
        if (search && token == null)
            return withRate(Reply.json(401, Reply.error("Requires authentication")), bucket);
        if (bucket.exhausted(now())) {
            return withRate(
                    Reply.json(
                            403,
                            Reply.error(
                                    "API rate limit exceeded for "
                                            + (token == null ? "127.0.0.1" : "user")
                                            + ".")),
                    bucket);
        }
        Reply reply = dispatch(ex, path, params);
        if (reply.status == 200
                && reply.etag != null
                && reply.etag.equals(Wire.firstHeader(ex, "If-None-Match"))) {
            Reply notModified = new Reply(304, new byte[0], reply.headers, null);
            return withRate(notModified, bucket); // 304s cost no rate limit
        }
        bucket.spend(now());
        return withRate(reply, bucket);
    }

    private Reply dispatch(HttpExchange ex, String path, Map<String, String> params) {
        if (path.equals("/events"))
            return feeds.eventsPage(
                    path, params, e -> e.has("public") && e.get("public").getAsBoolean());
        if (path.equals("/rate_limit")) return Reply.json(200, new JsonObject());
        Matcher org = Pattern.compile("^/orgs/([^/]+)/events$").matcher(path);
        if (org.matches()) {
            String o = org.group(1);
            return feeds.eventsPage(
                    path,
                    params,
                    e -> e.getAsJsonObject("repo").get("name").getAsString().startsWith(o + "/"));
        }
        Matcher user = Pattern.compile("^/users/([^/]+)/events/public$").matcher(path);
        if (user.matches()) {
            String u = user.group(1);
            return feeds.eventsPage(
                    path,
                    params,
                    e -> e.getAsJsonObject("actor").get("login").getAsString().equals(u));
        }
        if (path.equals("/search/code")) return search.searchCode(repos.values(), params);
        Matcher raw = ReposApi.RAW_PATH.matcher(path);
        if (raw.matches())
            return reposApi.raw(
                    repos.get(raw.group(1) + "/" + raw.group(2)), raw.group(3), raw.group(4));
        Matcher meta = ReposApi.REPO_META.matcher(path);
        if (meta.matches()) {
            EmulatedRepo repo = repos.get(meta.group(1) + "/" + meta.group(2));
            return repo == null
                    ? Reply.json(404, Reply.error("Not Found"))
                    : Reply.json(200, reposApi.repositoryJson(repo)).withEtag();
        }
        Matcher m = REPO_PATH.matcher(path);
        if (!m.matches()) return Reply.json(404, Reply.error("Not Found"));
        EmulatedRepo repo = repos.get(m.group(1) + "/" + m.group(2));
        if (repo == null) return Reply.json(404, Reply.error("Not Found"));
        String rest = m.group(4);
        return switch (m.group(3)) {
            case "events" ->
                    rest == null
                            ? feeds.eventsPage(
                                    path,
                                    params,
                                    e ->
                                            e.getAsJsonObject("repo")
                                                    .get("name")
                                                    .getAsString()
                                                    .equals(repo.fullName()))
                            : Reply.json(404, Reply.error("Not Found"));
            case "compare" ->
                    rest == null
                            ? Reply.json(404, Reply.error("Not Found"))
                            : reposApi.compare(repo, rest);
            case "commits" ->
                    rest == null
                            ? reposApi.commitList(repo, params)
                            : reposApi.commit(repo, rest, params);
            case "contents" ->
                    rest == null
                            ? Reply.json(404, Reply.error("Not Found"))
                            : reposApi.contents(ex, repo, rest, params.get("ref"));
            default -> Reply.json(404, Reply.error("Not Found"));
        };
    }

    // ---- faults, rate limits
    // ---------------------------------------------------------------------------------

    private Fault takeFault(String path) {
        synchronized (faults) {
            for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
                Fault f = it.next();
                if (!path.startsWith(f.pathPrefix())) continue;
                int used = faultUses.merge(f, 1, Integer::sum);
                if (used >= f.timesValue()) {
                    it.remove();
                    faultUses.remove(f);
                }
                return f;
            }
        }
        return null;
    }

    private Reply faultReply(Fault f, HttpExchange ex) {
        Reply r = Reply.json(f.status, Reply.error(f.message));
        RateBucket bucket = bucket(Wire.token(ex), false);
        withRate(r, bucket);
        if (f.retryAfterSeconds != null)
            r.headers.put("Retry-After", Integer.toString(f.retryAfterSeconds));
        if (f.rateLimitResetInSeconds != null) {
            r.headers.put("x-ratelimit-remaining", "0");
            r.headers.put(
                    "x-ratelimit-reset",
                    Long.toString(now().getEpochSecond() + f.rateLimitResetInSeconds));
        }
        return r;
    }

    private RateBucket bucket(String token, boolean search) {
        String key = (search ? "search:" : "core:") + (token == null ? "anonymous" : token);
        int limit = search ? searchPerMinute : token == null ? 60 : coreLimit;
        Duration window = search ? Duration.ofMinutes(1) : Duration.ofHours(1);
        return buckets.computeIfAbsent(
                key, k -> new RateBucket(limit, window, search ? "search" : "core"));
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
            if (!now.isBefore(resetAt)) {
                used = 0;
                resetAt = now.plus(window);
            }
        }

        synchronized boolean exhausted(Instant now) {
            roll(now);
            return used >= limit;
        }

        synchronized void spend(Instant now) {
            roll(now);
            used++;
        }
    }

    // ---- helpers
    // ---------------------------------------------------------------------------------------------

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
