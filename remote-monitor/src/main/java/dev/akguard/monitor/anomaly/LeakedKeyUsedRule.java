package dev.akguard.monitor.anomaly;

import dev.akguard.monitor.model.CallRecord;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Any call made with a key at or after the time its leak was first seen: someone has the key.
 * akguard's own validity check (its API and its user agent, both) is not counted.
 */
public final class LeakedKeyUsedRule extends PerCallRule {
    private final String ownUserAgent;
    private final String ownEventName;

    public LeakedKeyUsedRule(String ownUserAgent, String ownEventName) {
        this.ownUserAgent =
                ownUserAgent == null || ownUserAgent.isBlank()
                        ? null
                        : ownUserAgent.toLowerCase(Locale.ROOT);
        this.ownEventName = ownEventName;
    }

    @Override
    public AnomalyType type() {
        return AnomalyType.LEAKED_KEY_USED;
    }

    @Override
    protected Optional<String> subject(CallRecord call, DetectionContext context) {
        Optional<Instant> leak = context.leakTime(call.accessKeyId());
        if (leak.isEmpty() || call.eventTime().isBefore(leak.get()) || isOwnCheck(call))
            return Optional.empty();
        return Optional.of("leak@" + leak.get());
    }

    private boolean isOwnCheck(CallRecord call) {
        return ownUserAgent != null
                && call.userAgent() != null
                && call.userAgent().toLowerCase(Locale.ROOT).contains(ownUserAgent)
                && ownEventName != null
                && ownEventName.equalsIgnoreCase(call.eventName());
    }

    @Override
    protected String detail(
            String accessKeyId, String subject, List<CallRecord> calls, DetectionContext context) {
        return "leaked key "
                + accessKeyId
                + " used: "
                + calls(calls.size())
                + " since the leak was seen at "
                + context.leakTime(accessKeyId).orElseThrow();
    }
}
