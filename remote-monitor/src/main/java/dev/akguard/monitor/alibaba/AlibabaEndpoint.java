package dev.akguard.monitor.alibaba;

import com.aliyuncs.AcsRequest;
import com.aliyuncs.http.ProtocolType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * Where Alibaba Cloud calls go: each product's production host over HTTPS, or one override endpoint
 * for every product (`AKGUARD_ALIBABA_ENDPOINT` / `--alibaba-endpoint`, used by tests and private
 * endpoints). Plain http is accepted only for loopback hosts, so a leaked pair is never sent in
 * clear text over a network.
 */
public final class AlibabaEndpoint {
    public static final String ENV = "AKGUARD_ALIBABA_ENDPOINT";

    private final String hostPort;
    private final boolean https;

    private AlibabaEndpoint(String hostPort, boolean https) {
        this.hostPort = hostPort;
        this.https = https;
    }

    /** Production: every product at its own host, over HTTPS (the v1 SDK would default to HTTP). */
    public static AlibabaEndpoint production() {
        return new AlibabaEndpoint(null, true);
    }

    /** The override from the environment variable, or production when it is unset or blank. */
    public static AlibabaEndpoint fromEnvironment(Map<String, String> env) {
        String value = env.get(ENV);
        return value == null || value.isBlank() ? production() : override(value);
    }

    public static AlibabaEndpoint fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Parses `http://127.0.0.1:8090`, `https://host[:port]` or a bare `host[:port]` (HTTPS).
     *
     * @throws IllegalArgumentException with a message saying what is wrong and what to write
     *     instead
     */
    public static AlibabaEndpoint override(String value) {
        String trimmed = value.trim();
        String withScheme = trimmed.contains("://") ? trimmed : "https://" + trimmed;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    describe(trimmed)
                            + " is not a valid endpoint URL; expected e.g. "
                            + "https://sts.example.internal or http://127.0.0.1:8090");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(
                    describe(trimmed)
                            + " uses scheme '"
                            + scheme
                            + "'; only https:// (or http:// for loopback hosts) is supported");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException(
                    describe(trimmed) + " has no host; expected e.g. http://127.0.0.1:8090");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                || uri.getRawQuery() != null) {
            throw new IllegalArgumentException(
                    describe(trimmed)
                            + " must not carry a path or query; give only scheme, host and port");
        }
        boolean https = scheme.equals("https");
        if (!https && !isLoopback(host)) {
            throw new IllegalArgumentException(
                    describe(trimmed)
                            + ": plain http is allowed only for loopback hosts "
                            + "(127.0.0.1, localhost, ::1), because AccessKey signatures and answers would cross the network "
                            + "unencrypted; use https://"
                            + host
                            + (uri.getPort() > 0 ? ":" + uri.getPort() : ""));
        }
        String hostPort =
                (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                        + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        return new AlibabaEndpoint(hostPort, https);
    }

    private static String describe(String value) {
        return "Alibaba Cloud endpoint '" + value + "'";
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost")
                || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127(\\.\\d{1,3}){3}");
    }

    public boolean isOverride() {
        return hostPort != null;
    }

    /** The host[:port] requests for this product go to. */
    public String hostFor(String productionHost) {
        return hostPort != null ? hostPort : productionHost;
    }

    public ProtocolType protocol() {
        return https ? ProtocolType.HTTPS : ProtocolType.HTTP;
    }

    /**
     * Points the request at this endpoint; always explicit, so the SDK never looks endpoints up on
     * the network.
     */
    void apply(AcsRequest<?> request, String productionHost) {
        request.setSysEndpoint(hostFor(productionHost));
        request.setSysProtocol(protocol());
    }

    @Override
    public String toString() {
        return hostPort == null
                ? "production (https)"
                : protocol().toString().toLowerCase(Locale.ROOT) + "://" + hostPort;
    }
}
