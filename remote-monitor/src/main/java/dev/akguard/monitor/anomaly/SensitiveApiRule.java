package dev.akguard.monitor.anomaly;

import dev.akguard.monitor.model.CallRecord;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Calls to APIs on the sensitive list (case-insensitive names), failed calls included: an attempt
 * is news too.
 */
public final class SensitiveApiRule extends PerCallRule {
    private final Set<String> apis;

    public SensitiveApiRule(Collection<String> apis) {
        this.apis =
                apis.stream()
                        .map(a -> a.trim().toLowerCase(Locale.ROOT))
                        .filter(a -> !a.isEmpty())
                        .collect(Collectors.toSet());
    }

    @Override
    public AnomalyType type() {
        return AnomalyType.SENSITIVE_API;
    }

    @Override
    protected Optional<String> subject(CallRecord call, DetectionContext context) {
        String name = call.eventName();
        return name != null && apis.contains(name.trim().toLowerCase(Locale.ROOT))
                ? Optional.of(name.trim())
                : Optional.empty();
    }

    @Override
    protected String detail(
            String accessKeyId, String api, List<CallRecord> calls, DetectionContext context) {
        long failed =
                calls.stream()
                        .filter(c -> c.errorCode() != null && !c.errorCode().isEmpty())
                        .count();
        return "sensitive API "
                + api
                + " called "
                + (calls.size() == 1 ? "once" : calls.size() + " times")
                + " with "
                + accessKeyId
                + (failed > 0 ? " (" + failed + " failed)" : "");
    }
}
