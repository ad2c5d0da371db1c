package dev.akguard.monitor.anomaly;

import dev.akguard.monitor.model.CallRecord;
import java.util.List;
import java.util.Optional;

/** Calls whose source IP is on the threat list (addresses and CIDR blocks, IPv4 and IPv6). */
public final class ThreatIpRule extends PerCallRule {
    private final ThreatList threats;

    public ThreatIpRule(ThreatList threats) {
        this.threats = threats;
    }

    @Override
    public AnomalyType type() {
        return AnomalyType.THREAT_IP;
    }

    @Override
    protected Optional<String> subject(CallRecord call, DetectionContext context) {
        return threats.contains(call.sourceIpAddress())
                ? Optional.of(call.sourceIpAddress().trim())
                : Optional.empty();
    }

    @Override
    protected String detail(
            String accessKeyId, String ip, List<CallRecord> calls, DetectionContext context) {
        return calls(calls.size()) + " with " + accessKeyId + " from threat-list IP " + ip;
    }
}
