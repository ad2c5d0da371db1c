package dev.akguard.testkit.alibaba;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A loopback HTTP/1.1 server speaking Alibaba Cloud's RPC wire format for STS, RAM and ActionTrail,
 * so the official SDKs run against it unchanged (v1: `setSysEndpoint(emulator.endpoint())` + HTTP;
 * tea SDKs: `config.endpoint = emulator.endpoint()`, protocol http). It checks V1 and V3
 * signatures, key states and permissions, routes by `Version` (2015-04-01 STS, 2015-05-01 RAM,
 * 2020-07-06 ActionTrail), injects faults on demand and records every request.
 *
 * <pre>{@code
 * try (AlibabaCloudEmulator emu = AlibabaCloudEmulator.start()) {
 *     EmulatedKey key = emu.addAccount().addUser("ci").addKey();
 *     emu.faults().throttleNext(1, "GetCallerIdentity");
 *     ...
 * }
 * }</pre>
 */
public final class AlibabaCloudEmulator implements AutoCloseable {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private final Directory directory = new Directory();
    private final Authenticator authenticator = new Authenticator(directory);
    private final Faults faults = new Faults();
    private final ActionTrail trail = new ActionTrail();
    private final Map<String, ProductApi> productsByVersion =
            Map.of(
                    "2015-04-01", new StsApi(),
                    "2015-05-01", new RamApi(directory),
                    "2020-07-06", trail);
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor;

    private AlibabaCloudEmulator(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on 127.0.0.1 on a free port. */
    public static AlibabaCloudEmulator start() {
        return start(0);
    }

    /**
     * Starts on 127.0.0.1 on this port (0: any free port), e.g. 8090 for a hand-run
     * `AKGUARD_ALIBABA_ENDPOINT`.
     */
    public static AlibabaCloudEmulator start(int port) {
        // Without TCP_NODELAY, headers and body go out in two segments and delayed ACKs cost ~40 ms
        // per request.
        // The JDK server reads this property once, when the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            HttpServer server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            ExecutorService executor =
                    Executors.newCachedThreadPool(
                            r -> {
                                Thread t = new Thread(r, "alibaba-emulator");
                                t.setDaemon(true);
                                return t;
                            });
            AlibabaCloudEmulator emulator = new AlibabaCloudEmulator(server, executor);
            server.createContext("/", emulator::handle);
            server.setExecutor(executor);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot start the Alibaba Cloud emulator on 127.0.0.1:" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** `127.0.0.1:PORT`, the form SDK endpoint settings take. */
    public String endpoint() {
        return "127.0.0.1:" + port();
    }

    /** `http://127.0.0.1:PORT`, the form of akguard's endpoint override. */
    public String url() {
        return "http://" + endpoint();
    }

    /** A new account with a random 16-digit id. */
    public EmulatedAccount addAccount() {
        return directory.addAccount(RandomIds.digits(16));
    }

    public EmulatedAccount addAccount(String accountId) {
        return directory.addAccount(accountId);
    }

    /** The key with this ID, unless unknown or deleted. */
    public Optional<EmulatedKey> key(String accessKeyId) {
        return directory.key(accessKeyId);
    }

    public Faults faults() {
        return faults;
    }

    public ActionTrail trail() {
        return trail;
    }

    /** Every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requests(String action) {
        return requests.stream().filter(r -> action.equals(r.action())).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long nanos = System.nanoTime();
        Instant at = Instant.now();
        String requestId = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        try (exchange) {
            IncomingRequest req = read(exchange);
            String action = req.action();
            ProductApi product = null;
            int status;
            String errorCode = null;
            Map<String, Object> body;
            try {
                applyFaults(action);
                if (action == null || action.isEmpty()) {
                    throw ApiException.missing("Action");
                }
                String version = req.version();
                if (version == null || version.isEmpty()) {
                    throw ApiException.missing("Version");
                }
                product = productsByVersion.get(version);
                if (product == null) {
                    throw new ApiException(
                            400,
                            "InvalidVersion",
                            "Specified parameter Version is not valid: " + version);
                }
                EmulatedKey caller = authenticator.authenticate(req);
                caller.lastUsed(Instant.now());
                String denied = caller.deniedCode(action);
                if (denied != null) {
                    throw new ApiException(
                            403,
                            denied,
                            "You are not authorized to do this action. You should be authorized by RAM.");
                }
                body = new LinkedHashMap<>();
                body.put("RequestId", requestId);
                body.putAll(product.call(action, req.params(), caller));
                status = 200;
            } catch (ApiException e) {
                status = e.status;
                errorCode = e.code;
                body = errorBody(requestId, product, e);
            } catch (RuntimeException e) {
                status = 500;
                errorCode = "InternalError";
                body =
                        errorBody(
                                requestId,
                                product,
                                new ApiException(
                                        500,
                                        "InternalError",
                                        "The request processing has failed due to some unknown error: "
                                                + e));
            }
            record(req, at, nanos, status, errorCode);
            respond(exchange, status, body);
        }
    }

    private void applyFaults(String action) {
        Optional<Faults.Fault> fault = faults.next(action);
        if (fault.isEmpty()) {
            return;
        }
        Faults.Fault f = fault.get();
        if (f.kind == Faults.Kind.DELAY) {
            try {
                Thread.sleep(f.delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        throw new ApiException(f.status, f.code, f.message);
    }

    private static Map<String, Object> errorBody(
            String requestId, ProductApi product, ApiException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RequestId", requestId);
        body.put("HostId", product == null ? "127.0.0.1" : product.host());
        body.put("Code", e.code);
        body.put("Message", e.getMessage());
        body.put(
                "Recommend",
                "https://api.aliyun.com/troubleshoot?q="
                        + e.code
                        + (product == null ? "" : "&product=" + product.product())
                        + "&requestId="
                        + requestId);
        return body;
    }

    private void record(IncomingRequest req, Instant at, long nanos, int status, String errorCode) {
        Map<String, String> params = new LinkedHashMap<>(req.params());
        params.remove("Signature");
        params.computeIfPresent(
                "SecurityToken", (k, v) -> v.substring(0, Math.min(4, v.length())) + "…");
        String keyId =
                req.isV3()
                        ? credentialOf(req.headers().get("authorization"))
                        : params.get("AccessKeyId");
        requests.add(
                new RecordedRequest(
                        at,
                        nanos,
                        req.method(),
                        req.action(),
                        req.version(),
                        keyId,
                        req.isV3() ? "V3" : params.containsKey("AccessKeyId") ? "V1" : null,
                        Map.copyOf(params),
                        status,
                        errorCode));
    }

    private static String credentialOf(String authorization) {
        int i = authorization.indexOf("Credential=");
        if (i < 0) {
            return null;
        }
        int end = authorization.indexOf(',', i);
        return authorization
                .substring(i + "Credential=".length(), end < 0 ? authorization.length() : end)
                .trim();
    }

    private static IncomingRequest read(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach(
                        (name, values) ->
                                headers.put(
                                        name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String contentType = headers.getOrDefault("content-type", "");
        Map<String, String> form =
                contentType.startsWith("application/x-www-form-urlencoded")
                        ? PercentEncoding.parse(new String(body, StandardCharsets.UTF_8))
                        : Map.of();
        String rawPath = exchange.getRequestURI().getRawPath();
        return new IncomingRequest(
                exchange.getRequestMethod(),
                rawPath,
                PercentEncoding.parse(exchange.getRequestURI().getRawQuery()),
                form,
                headers,
                body);
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> body)
            throws IOException {
        byte[] bytes = GSON.toJson(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.getResponseHeaders()
                .set("x-acs-request-id", String.valueOf(body.get("RequestId")));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
