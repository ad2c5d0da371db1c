package dev.akguard.monitor.github;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.retry.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET requests to the GitHub REST API as a good citizen: conditional requests with the caller's
 * ETag (a 304 costs no rate limit), waits for {@code retry-after} and for {@code x-ratelimit-reset}
 * when the budget is spent (before sending, too, so it never hammers), at least a minute on
 * secondary limits, and exponential backoff with jitter on 5xx, network errors and malformed JSON.
 * All waits go through the injected {@link Sleeper} and {@link Clock}.
 */
public final class GitHubClient {

    public static final String DEFAULT_BASE_URL = "https://api.github.com";
    private static final Logger LOG = Logger.getLogger(GitHubClient.class.getName());
    private static final Pattern LINK_NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final Clock clock;

    /** Transient failures: 6 attempts, 1 s doubling up to 5 min, jittered. */
    public static final Backoff DEFAULT_BACKOFF =
            Backoff.jittered(6, Duration.ofSeconds(1), Duration.ofMinutes(5));

    /** GitHub asks for at least a minute after a secondary rate limit without Retry-After. */
    static final Duration SECONDARY_LIMIT_MINIMUM = Duration.ofSeconds(60);

    private final Sleeper sleeper;
    private final Random random;
    private final Backoff backoff;
    private final Duration requestTimeout;
    private final Map<String, RateLimit> limits = new ConcurrentHashMap<>();

    private GitHubClient(Builder b) {
        String url =
                b.baseUrl.endsWith("/")
                        ? b.baseUrl.substring(0, b.baseUrl.length() - 1)
                        : b.baseUrl;
        this.base = URI.create(url);
        if (base.getScheme() == null || base.getHost() == null) {
            throw new IllegalArgumentException(
                    "GitHub API URL must look like https://api.github.com or https://HOST/api/v3, got: "
                            + b.baseUrl);
        }
        if (!secureOrLoopback(base)) {
            throw new IllegalArgumentException(
                    "GitHub API URL must use https (plain http only for loopback): " + b.baseUrl);
        }
        this.token = b.token == null || b.token.isBlank() ? null : b.token.trim();
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.random = b.random;
        this.backoff = b.backoff;
        this.requestTimeout = b.requestTimeout;
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    public boolean hasToken() {
        return token != null;
    }

    public String baseUrl() {
        return base.toString();
    }

    /** Last reported limit for a resource ("core", "search"), or null. */
    public RateLimit rateLimit(String resource) {
        return limits.get(resource);
    }

    /**
     * GET a JSON resource; {@code etag} may be null. Throws {@link GitHubNotFoundException} on
     * 404/410/422.
     */
    public GitHubResponse get(String pathOrUrl, String etag) throws InterruptedException {
        return send(pathOrUrl, etag, "application/vnd.github+json", true);
    }

    /** GET raw bytes (a blob, or contents with the raw media type). */
    public GitHubResponse getRaw(String pathOrUrl, String accept) throws InterruptedException {
        return send(pathOrUrl, null, accept, false, Long.MAX_VALUE);
    }

    /**
     * GET raw bytes, reading at most {@code maxBytes + 1} of the body: a response longer than
     * {@code maxBytes} comes back with {@code maxBytes + 1} bytes (the caller sees it was cut) and
     * the rest is never downloaded.
     */
    public GitHubResponse getRaw(String pathOrUrl, String accept, long maxBytes)
            throws InterruptedException {
        return send(pathOrUrl, null, accept, false, maxBytes);
    }

    /**
     * https, or plain http to a loopback host (tests, local proxies): the rule for the API URL and
     * for clone URLs.
     */
    public static boolean secureOrLoopback(URI u) {
        if (u.getScheme() == null || u.getHost() == null) return false;
        if ("https".equalsIgnoreCase(u.getScheme())) return true;
        String h = u.getHost();
        return "http".equalsIgnoreCase(u.getScheme())
                && ("127.0.0.1".equals(h) || "localhost".equals(h) || "[::1]".equals(h));
    }

    /**
     * The token, for a URL on the API's own host only (e.g. a clone URL); null for any other host.
     */
    public String tokenFor(URI uri) {
        return token != null && sameOrigin(uri) ? token : null;
    }

    private GitHubResponse send(String pathOrUrl, String etag, String accept, boolean json)
            throws InterruptedException {
        return send(pathOrUrl, etag, accept, json, Long.MAX_VALUE);
    }

    private GitHubResponse send(
            String pathOrUrl, String etag, String accept, boolean json, long maxBytes)
            throws InterruptedException {
        URI uri = resolve(pathOrUrl);
        String resource = uri.getPath().contains("/search/") ? "search" : "core";
        String lastProblem = "no attempt made";
        int redirects = 0;
        for (int attempt = 1; attempt <= backoff.maxAttempts(); attempt++) {
            boolean sameHost = sameOrigin(uri);
            waitForBudget(resource);
            HttpRequest.Builder rb =
                    HttpRequest.newBuilder(uri)
                            .GET()
                            .timeout(requestTimeout)
                            .header("Accept", accept)
                            .header("User-Agent", "akguard-monitor")
                            .header("X-GitHub-Api-Version", "2022-11-28");
            if (token != null && sameHost) rb.header("Authorization", "Bearer " + token);
            if (etag != null) rb.header("If-None-Match", etag);
            HttpResponse<byte[]> resp;
            try {
                resp =
                        http.send(
                                rb.build(),
                                maxBytes == Long.MAX_VALUE
                                        ? HttpResponse.BodyHandlers.ofByteArray()
                                        : BoundedBody.handler(maxBytes + 1));
            } catch (IOException e) {
                lastProblem = "network error: " + e.getMessage();
                backoff(attempt, lastProblem, uri);
                continue;
            }
            RateLimit rl = RateLimit.from(resp.headers());
            if (rl != null) limits.put(resource, rl);
            int status = resp.statusCode();
            // Redirects are followed here, not by the HTTP client, so the token never follows one
            // to another host.
            String location = resp.headers().firstValue("Location").orElse(null);
            if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
                    && location != null
                    && redirects++ < 5) {
                uri = uri.resolve(location);
                attempt--;
                continue;
            }
            if (status == 304)
                return new GitHubResponse(304, null, new byte[0], etag, pollInterval(resp), null);
            if (status >= 200 && status < 300) {
                byte[] raw = resp.body();
                JsonElement body = null;
                if (json) {
                    try {
                        body = JsonParser.parseString(new String(raw, StandardCharsets.UTF_8));
                        if (body == null || body.isJsonNull())
                            throw new JsonParseException("empty body");
                    } catch (JsonParseException | IllegalStateException e) {
                        lastProblem = "malformed JSON (" + raw.length + " bytes)";
                        backoff(attempt, lastProblem, uri);
                        continue;
                    }
                }
                return new GitHubResponse(
                        status,
                        body,
                        raw,
                        resp.headers().firstValue("ETag").orElse(null),
                        pollInterval(resp),
                        nextLink(resp));
            }
            String message = errorMessage(resp);
            if (status == 404 || status == 410 || status == 422 || status == 409) {
                throw new GitHubNotFoundException(
                        "GitHub answered " + status + " for " + uri.getPath() + ": " + message,
                        status);
            }
            if (status == 401) {
                throw new GitHubException(
                        "GitHub rejected the credentials (401 "
                                + message
                                + "): set GITHUB_TOKEN to a valid token.",
                        status);
            }
            if (status == 403 || status == 429) {
                Duration wait = rateLimitWait(resp, status, message, attempt);
                if (wait == null)
                    throw new GitHubException(
                            "GitHub refused " + uri.getPath() + " (403 " + message + ").", status);
                lastProblem = status + " " + message;
                String path = uri.getPath();
                LOG.info(
                        () ->
                                "GitHub rate limit on "
                                        + path
                                        + ": waiting "
                                        + wait.toSeconds()
                                        + " s");
                sleeper.sleep(wait);
                continue;
            }
            if (status >= 500) {
                lastProblem = "server error " + status;
                backoff(attempt, lastProblem, uri);
                continue;
            }
            throw new GitHubException(
                    "GitHub answered " + status + " for " + uri.getPath() + ": " + message, status);
        }
        throw new GitHubException(
                "GitHub kept failing for "
                        + uri.getPath()
                        + " ("
                        + lastProblem
                        + ") after "
                        + backoff.maxAttempts()
                        + " attempts; the next poll will try again.",
                -1);
    }

    /** The wait a 403/429 asks for, or null if it is a plain permission refusal. */
    private Duration rateLimitWait(HttpResponse<?> resp, int status, String message, int attempt) {
        OptionalLong retryAfter = RateLimit.longHeader(resp.headers(), "retry-after");
        if (retryAfter.isPresent())
            return capped(
                    Duration.ofSeconds(
                            Math.max(1, Math.min(retryAfter.getAsLong(), MAX_WAIT.toSeconds()))));
        OptionalLong remaining = RateLimit.longHeader(resp.headers(), "x-ratelimit-remaining");
        OptionalLong reset = RateLimit.longHeader(resp.headers(), "x-ratelimit-reset");
        if (remaining.isPresent() && remaining.getAsLong() == 0 && reset.isPresent()) {
            return untilReset(RateLimit.epochSeconds(reset.getAsLong()));
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (status == 429 || lower.contains("secondary rate limit") || lower.contains("abuse")) {
            Duration wait = backoff.delay(attempt, random);
            return wait.compareTo(SECONDARY_LIMIT_MINIMUM) > 0
                    ? wait
                    : SECONDARY_LIMIT_MINIMUM.plus(wait);
        }
        if (lower.contains("rate limit")) return SECONDARY_LIMIT_MINIMUM;
        return null;
    }

    /**
     * Before sending: when the last answer said the budget is spent, wait for the reset instead of
     * asking.
     */
    private void waitForBudget(String resource) throws InterruptedException {
        RateLimit rl = limits.get(resource);
        if (rl != null && rl.remaining() <= 0 && rl.reset().isAfter(clock.instant())) {
            Duration wait = untilReset(rl.reset());
            LOG.info(
                    () ->
                            "GitHub "
                                    + resource
                                    + " budget spent: waiting "
                                    + wait.toSeconds()
                                    + " s for the reset");
            sleeper.sleep(wait);
            limits.remove(resource);
        }
    }

    private Duration untilReset(Instant reset) {
        Duration d = Duration.between(clock.instant(), reset).plusSeconds(1);
        return d.isNegative() ? Duration.ofSeconds(1) : capped(d);
    }

    /**
     * The longest wait GitHub can make us take (Retry-After, rate-limit reset): beyond it,
     * something is wrong.
     */
    public static final Duration MAX_WAIT = Duration.ofHours(1);

    static Duration capped(Duration d) {
        return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    }

    private void backoff(int attempt, String problem, URI uri) throws InterruptedException {
        if (attempt >= backoff.maxAttempts()) return;
        Duration wait = backoff.delay(attempt, random);
        LOG.fine(
                () ->
                        "GitHub "
                                + uri.getPath()
                                + ": "
                                + problem
                                + "; retrying in "
                                + wait.toMillis()
                                + " ms");
        sleeper.sleep(wait);
    }

    private URI resolve(String pathOrUrl) {
        if (pathOrUrl.startsWith("http://") || pathOrUrl.startsWith("https://"))
            return URI.create(pathOrUrl);
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String p = pathOrUrl.startsWith("/") ? pathOrUrl : "/" + pathOrUrl;
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + basePath + p);
    }

    /** The token goes only to the configured API host, never to a host named in a response. */
    private boolean sameOrigin(URI uri) {
        return base.getScheme().equals(uri.getScheme())
                && base.getHost().equalsIgnoreCase(uri.getHost())
                && base.getPort() == uri.getPort();
    }

    private static int pollInterval(HttpResponse<?> resp) {
        OptionalLong v = RateLimit.longHeader(resp.headers(), "x-poll-interval");
        return v.isPresent() ? (int) Math.max(0, Math.min(MAX_WAIT.toSeconds(), v.getAsLong())) : 0;
    }

    private static String nextLink(HttpResponse<?> resp) {
        String link = resp.headers().firstValue("Link").orElse(null);
        if (link == null) return null;
        Matcher m = LINK_NEXT.matcher(link);
        return m.find() ? m.group(1) : null;
    }

    private static String errorMessage(HttpResponse<byte[]> resp) {
        String text = new String(resp.body(), StandardCharsets.UTF_8);
        try {
            JsonElement e = JsonParser.parseString(text);
            if (e.isJsonObject() && e.getAsJsonObject().has("message"))
                return e.getAsJsonObject().get("message").getAsString();
        } catch (RuntimeException ignored) {
            // not JSON: fall through to the raw text
        }
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    public static final class Builder {
        private final String baseUrl;
        private String token;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Random random = new Random();
        private Backoff backoff = DEFAULT_BACKOFF;
        private Duration requestTimeout = Duration.ofSeconds(30);

        private Builder(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** Reads the token from {@code GITHUB_TOKEN} (never from the command line). */
        public Builder tokenFromEnvironment() {
            this.token = System.getenv("GITHUB_TOKEN");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public Builder random(Random random) {
            this.random = random;
            return this;
        }

        public Builder backoff(Backoff backoff) {
            this.backoff = backoff;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        public GitHubClient build() {
            return new GitHubClient(this);
        }
    }
}
