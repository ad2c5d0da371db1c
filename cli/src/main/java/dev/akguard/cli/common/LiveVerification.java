package dev.akguard.cli.common;

import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.Rule;
import dev.akguard.monitor.alibaba.KeyValidator;
import dev.akguard.monitor.alibaba.RateLimiter;
import dev.akguard.monitor.model.KeyCheck;
import dev.akguard.monitor.model.Validity;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * `--verify`: asks Alibaba Cloud whether each leaked pair still works, with STS GetCallerIdentity
 * through the monitor's own {@link KeyValidator} (same endpoint handling, retries and verdicts;
 * AKGUARD_ALIBABA_ENDPOINT honoured). Opt-in only: it sends each pair's signature to Alibaba Cloud.
 * Each distinct pair is checked once, at most {@link #PERMITS_PER_SECOND} calls a second and at
 * most {@link #MAX_PAIRS} pairs a run; an AccessKey ID without its secret cannot be checked and
 * gets no verdict. STS credentials are checked with the security token found with them (without one
 * the validator answers UNKNOWN).
 */
public final class LiveVerification {
    static final double PERMITS_PER_SECOND = 5;
    static final int MAX_PAIRS = 200;

    /**
     * Checks one pair: (accessKeyId, secret, security token or null) → verdict. The production one
     * is the monitor's validator.
     */
    @FunctionalInterface
    interface Check {
        KeyCheck apply(String accessKeyId, String secret, String securityToken);
    }

    private final Check check;

    private final RateLimiter limiter;

    LiveVerification(Check check, RateLimiter limiter) {
        this.check = check;
        this.limiter = limiter;
    }

    public static LiveVerification fromEnvironment() {
        KeyValidator validator = KeyValidator.fromEnvironment();
        return new LiveVerification(validator::validate, new RateLimiter(PERMITS_PER_SECOND));
    }

    /**
     * Verdicts (VALID, INVALID, DISABLED, UNKNOWN) by finding fingerprint, for every finding that
     * has a secret.
     */
    public Map<String, String> verify(List<Finding> findings) {
        Map<String, Finding> pairs = new LinkedHashMap<>();
        for (Finding f : findings)
            if (f.secret() != null && f.rule() != Rule.ACCESS_KEY_ID) {
                Finding seen = pairs.putIfAbsent(f.fingerprint(), f);
                if (seen != null && !seen.hasSecurityToken() && f.hasSecurityToken())
                    pairs.put(f.fingerprint(), f); // the same pair, seen with its token
            }
        Map<String, String> out = new LinkedHashMap<>();
        int n = 0;
        for (Map.Entry<String, Finding> e : pairs.entrySet()) {
            if (++n > MAX_PAIRS || Thread.currentThread().isInterrupted()) {
                out.put(e.getKey(), Validity.UNKNOWN.name());
                continue;
            }
            out.put(e.getKey(), checkOne(e.getValue()).name());
        }
        return out;
    }

    private Validity checkOne(Finding f) {
        try {
            limiter.acquire();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return Validity.UNKNOWN;
        }
        try {
            return check.apply(
                            f.accessKeyId(),
                            f.secret().value(),
                            f.hasSecurityToken() ? f.securityToken().value() : null)
                    .validity();
        } finally {
            limiter.release();
        }
    }

    /** "3 pairs checked with STS GetCallerIdentity: 1 VALID, 2 INVALID". */
    public static String summary(Map<String, String> verdicts) {
        Map<Validity, Long> counts = new EnumMap<>(Validity.class);
        for (String v : verdicts.values()) counts.merge(Validity.valueOf(v), 1L, Long::sum);
        return verdicts.size()
                + (verdicts.size() == 1 ? " pair" : " pairs")
                + " checked with STS GetCallerIdentity"
                + (counts.isEmpty()
                        ? ""
                        : ": "
                                + counts.entrySet().stream()
                                        .map(e -> e.getValue() + " " + e.getKey())
                                        .collect(Collectors.joining(", ")));
    }
}
