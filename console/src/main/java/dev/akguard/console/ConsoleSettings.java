package dev.akguard.console;

import java.nio.file.Path;
import java.util.List;

/**
 * How `monitor serve` listens and whom it trusts.
 *
 * @param keystore PKCS12/JKS keystore for HTTPS (null: plain HTTP, e.g. behind a TLS-terminating
 *     proxy)
 * @param keystorePassword from AKGUARD_TLS_KEYSTORE_PASSWORD, never a flag
 * @param trustedProxies client addresses (exact IPs) whose {@code ssoHeader} and X-Forwarded-For
 *     are believed
 * @param ssoHeader header carrying the signed-in user's name from the reverse proxy (null: no SSO)
 * @param webhookSecret GitHub webhook secret (null: webhooks refused with 503)
 * @param secureCookies Secure flag on cookies: on under TLS, and when a TLS-terminating proxy is in
 *     front
 */
public record ConsoleSettings(
        String host,
        int port,
        Path keystore,
        char[] keystorePassword,
        List<String> trustedProxies,
        String ssoHeader,
        String webhookSecret,
        boolean secureCookies) {

    public static final String DEFAULT_LISTEN = "127.0.0.1:8080";

    public ConsoleSettings {
        trustedProxies = List.copyOf(trustedProxies);
    }

    public boolean tls() {
        return keystore != null;
    }

    /** HOST:PORT, [v6]:PORT or :PORT (all interfaces). */
    public static String[] parseListen(String listen) {
        String s = listen.trim();
        int colon = s.lastIndexOf(':');
        if (colon < 0)
            throw new IllegalArgumentException("--listen: use HOST:PORT, e.g. " + DEFAULT_LISTEN);
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        if (host.isEmpty()) host = "0.0.0.0";
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535)
            throw new IllegalArgumentException(
                    "--listen: the port must be a number from 0 to 65535");
        return new String[] {host, Integer.toString(port)};
    }
}
