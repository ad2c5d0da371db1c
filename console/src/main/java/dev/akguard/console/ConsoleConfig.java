package dev.akguard.console;

import dev.akguard.monitor.config.MonitorConfig;
import java.util.List;

/**
 * The {@code "console"} section of the monitor's config file; command-line flags override it.
 *
 * <pre>{@code
 * { "console": { "listen": "0.0.0.0:8080", "trustedProxies": ["10.0.0.5"], "ssoHeader": "X-Forwarded-User",
 *                "secureCookies": true, "webhookSecretEnv": "AKGUARD_GITHUB_WEBHOOK_SECRET" } }
 * }</pre>
 *
 * The webhook secret itself stays in the environment: the file only names the variable (default
 * {@code AKGUARD_GITHUB_WEBHOOK_SECRET}).
 */
public record ConsoleConfig(
        String listen,
        List<String> trustedProxies,
        String ssoHeader,
        boolean secureCookies,
        String webhookSecretEnv) {
    public static final String WEBHOOK_SECRET_ENV = "AKGUARD_GITHUB_WEBHOOK_SECRET";

    public static ConsoleConfig defaults() {
        return new ConsoleConfig(null, List.of(), null, false, WEBHOOK_SECRET_ENV);
    }

    /** The section as read (and checked) with the rest of the monitor's config file. */
    public static ConsoleConfig of(MonitorConfig.Console c) {
        List<String> proxies =
                c.trustedProxies == null
                        ? List.of()
                        : c.trustedProxies.stream().map(String::trim).toList();
        return new ConsoleConfig(
                trim(c.listen),
                proxies,
                trim(c.ssoHeader),
                c.secureCookies,
                c.webhookSecretEnv == null ? WEBHOOK_SECRET_ENV : c.webhookSecretEnv.trim());
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
