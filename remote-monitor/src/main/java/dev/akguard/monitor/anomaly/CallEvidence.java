package dev.akguard.monitor.anomaly;

import dev.akguard.monitor.model.CallRecord;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Turns call records into the short evidence lines an anomaly carries. */
final class CallEvidence {
    /** Evidence lists stay readable in a notification; the full timeline is `monitor calls`. */
    static final int MAX_LINES = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private CallEvidence() { }

    static String line(CallRecord r) {
        StringBuilder b = new StringBuilder();
        b.append(r.eventTime()).append(' ').append(orDash(r.eventName()));
        if (r.serviceName() != null) b.append(" (").append(r.serviceName()).append(')');
        b.append(" from ").append(orDash(r.sourceIpAddress()));
        if (r.acsRegion() != null) b.append(" in ").append(r.acsRegion());
        if (r.userName() != null) b.append(" by ").append(r.userName());
        if (r.accountId() != null) b.append(" of account ").append(r.accountId());
        if (r.errorCode() != null && !r.errorCode().isEmpty()) b.append(" error ").append(r.errorCode());
        if (r.eventId() != null) b.append(" [").append(r.eventId()).append(']');
        return b.toString();
    }

    /** The first {@link #MAX_LINES} calls, then a line saying how many were left out. */
    static List<String> lines(List<CallRecord> calls) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < calls.size() && i < MAX_LINES; i++) out.add(line(calls.get(i)));
        if (calls.size() > MAX_LINES) out.add("… and " + (calls.size() - MAX_LINES) + " more calls");
        return out;
    }

    static String day(Instant t) { return DAY.format(t.truncatedTo(ChronoUnit.DAYS)); }

    static String orDash(String s) { return s == null || s.isEmpty() ? "-" : s; }
}
