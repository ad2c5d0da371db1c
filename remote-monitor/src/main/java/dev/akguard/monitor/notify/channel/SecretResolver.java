package dev.akguard.monitor.notify.channel;

import java.util.function.UnaryOperator;

/**
 * Finds a channel's password or signing secret: the named environment variable first, then the
 * stored value.
 */
final class SecretResolver {
    private SecretResolver() {}

    /**
     * @return the secret, or null when neither source has one
     */
    static String resolve(UnaryOperator<String> env, String envName, String stored) {
        if (envName != null && !envName.isBlank()) {
            String v = env.apply(envName);
            if (v != null && !v.isEmpty()) return v;
        }
        return stored == null || stored.isEmpty() ? null : stored;
    }
}
