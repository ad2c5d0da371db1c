package dev.akguard.monitor.anomaly;

import dev.akguard.monitor.model.CallRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Turns call records into the short evidence lines an anomaly carries. */
final class CallEvidence {
    /** Evidence lists stay readable in a notification; the full timeline is `monitor calls`. */
    static final int MAX_LINES = 10;

    private CallEvidence() {}

    static String line(CallRecord r) {
        StringBuilder b = new StringBuilder();
        b.append(r.eventTime()).append(' ').append(orDash(r.eventName()));
        if (r.serviceName() != null) b.append(" (").append(r.serviceName()).append(')');
        b.append(" from ").append(orDash(r.sourceIpAddress()));
        if (r.acsRegion() != null) b.append(" in ").append(r.acsRegion());
        if (r.userName() != null) b.append(" by ").append(r.userName());
        if (r.accountId() != null) b.append(" of account ").append(r.accountId());
        if (r.errorCode() != null && !r.errorCode().isEmpty())
            b.append(" error ").append(r.errorCode());
        if (r.eventId() != null) b.append(" [").append(r.eventId()).append(']');
        return b.toString();
    }

    /** The first {@link #MAX_LINES} calls, then a line saying how many were left out. */
    static List<String> lines(List<CallRecord> calls) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < calls.size() && i < MAX_LINES; i++) out.add(line(calls.get(i)));
        if (calls.size() > MAX_LINES)
            out.add("… and " + (calls.size() - MAX_LINES) + " more calls");
        return out;
    }

    /**
     * The UTC day, e.g. 2026-03-02 (computed from the epoch day: this runs once per matching call).
     */
    static String day(Instant t) {
        return LocalDate.ofEpochDay(Math.floorDiv(t.getEpochSecond(), 86_400L)).toString();
    }

    static String orDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
