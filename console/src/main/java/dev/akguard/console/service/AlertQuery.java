package dev.akguard.console.service;

import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.model.HandlingMethod;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.Dialect;
import dev.akguard.monitor.store.Occurrence;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's read-only queries over the monitor's tables: the filtered, sorted, paged leak list
 * with counts, and the overview's aggregates. Kept here (not in the store classes) so the store can
 * be reshaped underneath; every value is bound as a parameter, and sort columns are constants.
 */
public final class AlertQuery {

    /** One line of the leak list: like the original console's columns. */
    public record Row(
            long id,
            String accessKeyId,
            String secretRedacted,
            AlertStatus status,
            HandlingMethod method,
            Validity validity,
            Instant firstSeen,
            Instant lastSeen,
            int occurrences,
            Occurrence first,
            String ownerUser,
            String ownerStatus) {}

    public record Page(List<Row> rows, long total, AlertFilter filter, boolean inventorySynced) {
        public int pages() {
            return (int) Math.max(1, (total + filter.perPage() - 1) / filter.perPage());
        }
    }

    private final Database db;

    public AlertQuery(Database db) {
        this.db = db;
    }

    public Page list(AlertFilter f) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params, db.dialect() == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "");
        return db.transactionUninterruptibly(
                c -> {
                    long total;
                    try (PreparedStatement ps =
                            c.prepareStatement("SELECT COUNT(*) FROM alerts a WHERE " + where)) {
                        bind(ps, params);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            total = rs.getLong(1);
                        }
                    }
                    String dir = f.ascending() ? " ASC" : " DESC";
                    // The page's ids first (an index walk, cheap even deep into the list), then
                    // those rows in full.
                    List<Long> ids = new ArrayList<>();
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT a.id FROM alerts a WHERE "
                                            + where
                                            + " ORDER BY "
                                            + f.sort().column
                                            + dir
                                            + ", a.id"
                                            + dir
                                            + " LIMIT ? OFFSET ?")) {
                        int i = bind(ps, params);
                        ps.setInt(i++, f.perPage());
                        ps.setLong(i, (long) (f.page() - 1) * f.perPage());
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) ids.add(rs.getLong(1));
                        }
                    }
                    Map<Long, Row> byId = new HashMap<>();
                    if (!ids.isEmpty()) {
                        String in =
                                String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
                        try (PreparedStatement ps =
                                c.prepareStatement(
                                        "SELECT a.id, a.access_key_id, a.secret_redacted, a.status, a.handling_method, a.validity, "
                                                + "a.first_seen, a.last_seen, (SELECT COUNT(*) FROM occurrences o WHERE o.alert_id = a.id), k.user_name, k.status "
                                                + "FROM alerts a LEFT JOIN ram_keys k ON k.access_key_id = a.access_key_id WHERE a.id IN ("
                                                + in
                                                + ")")) {
                            int i = 1;
                            for (long id : ids) ps.setLong(i++, id);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rs.next()) {
                                    String m = rs.getString(5);
                                    byId.put(
                                            rs.getLong(1),
                                            new Row(
                                                    rs.getLong(1),
                                                    rs.getString(2),
                                                    rs.getString(3),
                                                    AlertStatus.valueOf(rs.getString(4)),
                                                    m == null ? null : HandlingMethod.valueOf(m),
                                                    Validity.valueOf(rs.getString(6)),
                                                    Instant.ofEpochMilli(rs.getLong(7)),
                                                    Instant.ofEpochMilli(rs.getLong(8)),
                                                    rs.getInt(9),
                                                    null,
                                                    rs.getString(10),
                                                    rs.getString(11)));
                                }
                            }
                        }
                    }
                    List<Row> rows = new ArrayList<>();
                    for (long id : ids) if (byId.containsKey(id)) rows.add(byId.get(id));
                    Map<Long, Occurrence> first = firstOccurrences(c, rows);
                    List<Row> out = new ArrayList<>(rows.size());
                    for (Row r : rows) {
                        out.add(
                                new Row(
                                        r.id(),
                                        r.accessKeyId(),
                                        r.secretRedacted(),
                                        r.status(),
                                        r.method(),
                                        r.validity(),
                                        r.firstSeen(),
                                        r.lastSeen(),
                                        r.occurrences(),
                                        first.get(r.id()),
                                        r.ownerUser(),
                                        r.ownerStatus()));
                    }
                    return new Page(out, total, f, count(c, "SELECT COUNT(*) FROM ram_keys") > 0);
                });
    }

    /** Ids of the list's page, in order (the API loads each alert in full). */
    public List<Long> ids(AlertFilter f) {
        return list(f).rows().stream().map(Row::id).toList();
    }

    private static Map<Long, Occurrence> firstOccurrences(Connection c, List<Row> rows)
            throws SQLException {
        Map<Long, Occurrence> out = new HashMap<>();
        if (rows.isEmpty()) return out;
        String in = String.join(", ", java.util.Collections.nCopies(rows.size(), "?"));
        try (PreparedStatement ps =
                c.prepareStatement(
                        "SELECT o.alert_id, o.repo, o.path, o.line, o.commit_sha, o.author, o.url, o.seen_at "
                                + "FROM occurrences o WHERE o.id IN (SELECT MIN(x.id) FROM occurrences x WHERE x.alert_id IN ("
                                + in
                                + ") GROUP BY x.alert_id)")) {
            int i = 1;
            for (Row r : rows) ps.setLong(i++, r.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(
                            rs.getLong(1),
                            new Occurrence(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getInt(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    Instant.ofEpochMilli(rs.getLong(8))));
                }
            }
        }
        return out;
    }

    /**
     * @param bytewise the collation clause that makes repository comparisons byte-wise
     *     (PostgreSQL's default collations ignore punctuation, which would break the prefix range;
     *     SQLite compares bytes already); V005 indexes {@code occurrences.repo} with it
     */
    private static String where(AlertFilter f, List<Object> params, String bytewise) {
        List<String> w = new ArrayList<>();
        w.add("1 = 1");
        if (f.status() != null) {
            w.add("a.status = ?");
            params.add(f.status().name());
        }
        if (f.validity() != null) {
            w.add("a.validity = ?");
            params.add(f.validity().name());
        }
        if (f.accessKeyId() != null) {
            w.add("a.access_key_id LIKE ? ESCAPE '\\'");
            params.add(like(f.accessKeyId()) + "%");
        }
        if (f.from() != null) {
            w.add("a.last_seen >= ?");
            params.add(f.from().toEpochMilli());
        }
        if (f.to() != null) {
            w.add("a.last_seen < ?");
            params.add(f.to().toEpochMilli());
        }
        if (f.repo() != null) {
            // "owner/name" is one repository; "owner" is every repository of that organisation or
            // user
            if (f.repo().contains("/")) {
                w.add(
                        "a.id IN (SELECT o.alert_id FROM occurrences o WHERE o.repo"
                                + bytewise
                                + " = ?)");
                params.add(f.repo());
            } else {
                // "owner/" <= repo < "owner0" ('0' follows '/'): a range on the repo index
                w.add(
                        "a.id IN (SELECT o.alert_id FROM occurrences o WHERE o.repo"
                                + bytewise
                                + " >= ? AND o.repo"
                                + bytewise
                                + " < ?)");
                params.add(f.repo() + "/");
                params.add(f.repo() + "0");
            }
        }
        if (f.q() != null) {
            String pattern = "%" + like(f.q().toLowerCase(Locale.ROOT)) + "%";
            w.add(
                    "(LOWER(a.access_key_id) LIKE ? ESCAPE '\\' OR a.id IN (SELECT o.alert_id FROM occurrences o WHERE "
                            + "LOWER(o.repo) LIKE ? ESCAPE '\\' OR LOWER(o.path) LIKE ? ESCAPE '\\' OR LOWER(o.author) LIKE ? ESCAPE '\\'))");
            for (int i = 0; i < 4; i++) params.add(pattern);
        }
        return String.join(" AND ", w);
    }

    /** Escapes LIKE's wildcards in user input. */
    static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static int bind(PreparedStatement ps, List<Object> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            if (p instanceof Long l) ps.setLong(i++, l);
            else ps.setString(i++, (String) p);
        }
        return i;
    }

    // ---- overview and metrics
    // ------------------------------------------------------------------------------

    /** Alerts by status then validity: {"UNHANDLED": {"VALID": 3, ...}, ...}. */
    public Map<AlertStatus, Map<Validity, Long>> countsByStatusAndValidity() {
        return db.transactionUninterruptibly(
                c -> {
                    Map<AlertStatus, Map<Validity, Long>> out = new LinkedHashMap<>();
                    for (AlertStatus s : AlertStatus.values()) {
                        Map<Validity, Long> m = new LinkedHashMap<>();
                        for (Validity v : Validity.values()) m.put(v, 0L);
                        out.put(s, m);
                    }
                    try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "SELECT status, validity, COUNT(*) FROM alerts GROUP BY status, validity");
                            ResultSet rs = ps.executeQuery()) {
                        while (rs.next())
                            out.get(AlertStatus.valueOf(rs.getString(1)))
                                    .put(Validity.valueOf(rs.getString(2)), rs.getLong(3));
                    }
                    return out;
                });
    }

    /**
     * New alerts per UTC day for the {@code days} days up to {@code today} (oldest first, zeros
     * included).
     */
    public Map<LocalDate, Long> newPerDay(LocalDate today, int days) {
        LocalDate start = today.minusDays(days - 1L);
        long from = start.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        Map<LocalDate, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < days; i++) out.put(start.plusDays(i), 0L);
        db.transactionUninterruptibly(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "SELECT first_seen FROM alerts WHERE first_seen >= ?")) {
                        ps.setLong(1, from);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                LocalDate d =
                                        Instant.ofEpochMilli(rs.getLong(1))
                                                .atZone(ZoneOffset.UTC)
                                                .toLocalDate();
                                out.computeIfPresent(d, (k, v) -> v + 1);
                            }
                        }
                    }
                    return null;
                });
        return out;
    }

    /** The newest alert id and the alert count: a cheap change marker for live updates. */
    public long[] marker() {
        return db.transactionUninterruptibly(
                c ->
                        new long[] {
                            count(c, "SELECT COALESCE(MAX(id), 0) FROM alerts"),
                            count(c, "SELECT COUNT(*) FROM alerts"),
                            count(c, "SELECT COUNT(*) FROM history")
                        });
    }

    /**
     * Rows per status of a table with a status column (outbox, push_queue). Table names are
     * constants of callers.
     */
    public Map<String, Long> statusCounts(String table) {
        return db.transactionUninterruptibly(
                c -> {
                    Map<String, Long> out = new LinkedHashMap<>();
                    try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "SELECT status, COUNT(*) FROM "
                                                    + table
                                                    + " GROUP BY status ORDER BY status");
                            ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
                    }
                    return out;
                });
    }

    /** Last poll per source: {source: [updated_at millis or 0, failures, last_error]}. */
    public List<String[]> pollCursors() {
        return db.transactionUninterruptibly(
                c -> {
                    List<String[]> out = new ArrayList<>();
                    try (PreparedStatement ps =
                                    c.prepareStatement(
                                            "SELECT source, updated_at, failures, last_error FROM poll_cursors ORDER BY source");
                            ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long at = rs.getLong(2);
                            out.add(
                                    new String[] {
                                        rs.getString(1),
                                        rs.wasNull() || at == 0
                                                ? "never"
                                                : Instant.ofEpochMilli(at).toString(),
                                        Integer.toString(rs.getInt(3)),
                                        rs.getString(4)
                                    });
                        }
                    }
                    return out;
                });
    }

    /** True when the database answers. */
    public boolean ping() {
        try {
            return db.transactionUninterruptibly(c -> count(c, "SELECT 1") == 1);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
