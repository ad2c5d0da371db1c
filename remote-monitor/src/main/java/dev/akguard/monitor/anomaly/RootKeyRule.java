package dev.akguard.monitor.anomaly;

import dev.akguard.monitor.model.CallRecord;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Calls made with a root-account key. ActionTrail's identity type spelling is not pinned down
 * ("root-account", STS says "Account"), so the configured names are compared case-insensitively.
 */
public final class RootKeyRule extends PerCallRule {
    private final Set<String> rootTypes;

    public RootKeyRule(Collection<String> rootTypes) {
        this.rootTypes =
                rootTypes.stream()
                        .map(t -> t.trim().toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet());
    }

    @Override
    public AnomalyType type() {
        return AnomalyType.ROOT_KEY;
    }

    @Override
    protected Optional<String> subject(CallRecord call, DetectionContext context) {
        String t = call.identityType();
        return t != null && rootTypes.contains(t.trim().toLowerCase(Locale.ROOT))
                ? Optional.of("root")
                : Optional.empty();
    }

    @Override
    protected String detail(
            String accessKeyId, String subject, List<CallRecord> calls, DetectionContext context) {
        String account = calls.get(0).accountId();
        return "root-account key "
                + accessKeyId
                + (account == null ? "" : " of account " + account)
                + " used: "
                + calls(calls.size())
                + "; use RAM users' keys instead";
    }
}
