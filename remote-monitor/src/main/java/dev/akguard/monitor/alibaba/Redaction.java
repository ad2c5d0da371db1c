package dev.akguard.monitor.alibaba;

/** How secrets may appear in messages: first 3 characters and an ellipsis, never more. */
final class Redaction {
    private Redaction() {
    }

    static String secret(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "(none)";
        }
        return secret.substring(0, Math.min(3, secret.length())) + "…";
    }
}
