package dev.akguard.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small HTTP client for tests: no redirects followed, one cookie jar, forms and JSON. */
public final class Http {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient client =
            HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String bearer;

    public Http(String base) {
        this.base = base;
    }

    public Http bearer(String token) {
        this.bearer = token;
        return this;
    }

    public HttpResponse<String> get(String path, String... headers)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form, String... headers)
            throws IOException, InterruptedException {
        StringBuilder b = new StringBuilder();
        form.forEach(
                (k, v) ->
                        b.append(b.length() == 0 ? "" : "&")
                                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                                .append('=')
                                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String[] h = concat(headers, "Content-Type", "application/x-www-form-urlencoded");
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .POST(HttpRequest.BodyPublishers.ofString(b.toString())),
                h);
    }

    public HttpResponse<String> postJson(String path, String json, String... headers)
            throws IOException, InterruptedException {
        return postBytes(
                path,
                json.getBytes(StandardCharsets.UTF_8),
                concat(headers, "Content-Type", "application/json"));
    }

    public HttpResponse<String> postBytes(String path, byte[] body, String... headers)
            throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
                headers);
    }

    /** Signs in through the form; returns the response to the POST. */
    public HttpResponse<String> login(String user, String password)
            throws IOException, InterruptedException {
        String token = csrf(get("/login").body());
        return postForm("/login", Map.of("_csrf", token, "username", user, "password", password));
    }

    /** The CSRF token embedded in a page's forms. */
    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find())
            throw new AssertionError(
                    "no CSRF field in page: " + html.substring(0, Math.min(300, html.length())));
        return m.group(1);
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String... headers)
            throws IOException, InterruptedException {
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        if (!cookies.isEmpty()) {
            StringBuilder c = new StringBuilder();
            cookies.forEach(
                    (k, v) ->
                            c.append(c.length() == 0 ? "" : "; ").append(k).append('=').append(v));
            b.header("Cookie", c.toString());
        }
        HttpResponse<String> r =
                client.send(
                        b.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
        for (String sc : r.headers().allValues("Set-Cookie")) {
            String nv = sc.split(";", 2)[0];
            int eq = nv.indexOf('=');
            String name = nv.substring(0, eq), value = nv.substring(eq + 1);
            if (value.isEmpty()) cookies.remove(name);
            else cookies.put(name, value);
        }
        return r;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
