package dev.akguard.monitor.anomaly;

import dev.akguard.monitor.model.Anomaly;
import dev.akguard.monitor.model.CallRecord;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One source IP using the keys of at least N distinct users, or of at least M distinct accounts,
 * within a sliding window (calls at most {@code window} apart, both ends inclusive). A legitimate
 * host uses one identity; one hitting many is someone trying a stash of leaked keys. Raised once
 * per IP per UTC day, at the call that crossed the threshold.
 */
public final class SharedIpRule implements AnomalyRule {
    private final int minUsers;
    private final int minAccounts;
    private final Duration window;

    public SharedIpRule(int minUsers, int minAccounts, Duration window) {
        this.minUsers = minUsers;
        this.minAccounts = minAccounts;
        this.window = window;
    }

    @Override
    public AnomalyType type() {
        return AnomalyType.SHARED_IP;
    }

    @Override
    public List<RaisedAnomaly> evaluate(List<CallRecord> records, DetectionContext context) {
        Map<String, List<CallRecord>> byIp = new LinkedHashMap<>();
        for (CallRecord r : records) {
            if (IpAddresses.parse(r.sourceIpAddress()).isEmpty())
                continue; // service-internal calls share no host
            byIp.computeIfAbsent(r.sourceIpAddress().trim(), k -> new ArrayList<>()).add(r);
        }
        List<RaisedAnomaly> out = new ArrayList<>();
        byIp.forEach((ip, calls) -> scan(ip, calls, context, out));
        return out;
    }

    private void scan(
            String ip, List<CallRecord> calls, DetectionContext context, List<RaisedAnomaly> out) {
        Deque<CallRecord> inWindow = new ArrayDeque<>();
        Deque<String> windowUsers =
                new ArrayDeque<>(); // user(r) of each call in inWindow, computed once
        Map<String, Integer> users = new HashMap<>();
        Map<String, Integer> accounts = new HashMap<>();
        Set<String> daysRaised = new HashSet<>();
        for (CallRecord r : calls) {
            while (!inWindow.isEmpty()
                    && Duration.between(inWindow.peekFirst().eventTime(), r.eventTime())
                                    .compareTo(window)
                            > 0) {
                decrement(users, windowUsers.removeFirst());
                decrement(accounts, inWindow.removeFirst().accountId());
            }
            String user = user(r);
            inWindow.addLast(r);
            windowUsers.addLast(user);
            users.merge(user, 1, Integer::sum);
            if (r.accountId() != null) accounts.merge(r.accountId(), 1, Integer::sum);
            boolean crossed = users.size() >= minUsers || accounts.size() >= minAccounts;
            if (crossed && context.reportable(r.eventTime())) {
                String day = CallEvidence.day(r.eventTime());
                if (daysRaised.add(day))
                    out.add(
                            raise(
                                    ip,
                                    day,
                                    r,
                                    new ArrayList<>(inWindow),
                                    users.size(),
                                    accounts.size()));
            }
        }
    }

    private RaisedAnomaly raise(
            String ip,
            String day,
            CallRecord trigger,
            List<CallRecord> window,
            int userCount,
            int accountCount) {
        Set<String> keys = new TreeSet<>();
        Set<String> identities = new TreeSet<>();
        for (CallRecord c : window) {
            keys.add(c.accessKeyId());
            identities.add(user(c));
        }
        String detail =
                "IP "
                        + ip
                        + " used "
                        + keys.size()
                        + " keys of "
                        + userCount
                        + " users in "
                        + accountCount
                        + " accounts within "
                        + window(this.window);
        List<String> evidence = new ArrayList<>();
        evidence.add("keys: " + String.join(", ", keys));
        evidence.add("identities: " + String.join(", ", identities));
        evidence.addAll(CallEvidence.lines(window));
        String key = type().id() + "|" + ip + "|" + day;
        return new RaisedAnomaly(
                key,
                new Anomaly(
                        type().id(), trigger.accessKeyId(), trigger.eventTime(), detail, evidence));
    }

    /**
     * A user is its account plus its user name; a call without a user name stands for its key's
     * owner.
     */
    private static String user(CallRecord r) {
        String who =
                r.userName() != null && !r.userName().isEmpty()
                        ? r.userName()
                        : "key " + r.accessKeyId();
        return (r.accountId() == null ? "?" : r.accountId()) + "/" + who;
    }

    private static void decrement(Map<String, Integer> counts, String key) {
        if (key != null) counts.computeIfPresent(key, (k, v) -> v == 1 ? null : v - 1);
    }

    private static String window(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
