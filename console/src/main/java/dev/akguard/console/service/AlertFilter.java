package dev.akguard.console.service;

import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.model.Validity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the leak list shows: filters (status, validity, repository or organisation, AccessKey ID,
 * last-seen date range, free-text search), sort and page. Parsed from query parameters by the
 * console and the API alike; bad values throw {@link IllegalArgumentException} naming the parameter
 * (a 400).
 */
public record AlertFilter(
        AlertStatus status,
        Validity validity,
        String repo,
        String accessKeyId,
        Instant from,
        Instant to,
        String q,
        Sort sort,
        boolean ascending,
        int page,
        int perPage) {

    public static final int MAX_PER_PAGE = 100;

    /** Sortable columns; the SQL is a constant of each, never user input. */
    public enum Sort {
        LAST_SEEN("a.last_seen"),
        FIRST_SEEN("a.first_seen"),
        ID("a.id"),
        VALIDITY("a.validity"),
        STATUS("a.status"),
        ACCESS_KEY_ID("a.access_key_id");

        final String column;

        Sort(String column) {
            this.column = column;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static AlertFilter defaults() {
        return new AlertFilter(
                null, null, null, null, null, null, null, Sort.LAST_SEEN, false, 1, 50);
    }

    public static AlertFilter parse(Function<String, String> param) {
        AlertFilter d = defaults();
        String status = blank(param.apply("status"));
        String validity = blank(param.apply("validity"));
        String sort = blank(param.apply("sort"));
        String order = blank(param.apply("order"));
        String q = blank(param.apply("q"));
        String repo = blank(param.apply("repo"));
        String key = blank(param.apply("accessKeyId"));
        if (q != null && q.length() > 200)
            throw new IllegalArgumentException("q: at most 200 characters");
        if (repo != null && repo.length() > 200)
            throw new IllegalArgumentException("repo: at most 200 characters");
        if (key != null && key.length() > 128)
            throw new IllegalArgumentException("accessKeyId: at most 128 characters");
        return new AlertFilter(
                status == null || status.equals("all")
                        ? null
                        : parseEnum(
                                "status",
                                status,
                                AlertStatus::parse,
                                "unhandled, handled, whitelisted or all"),
                validity == null || validity.equals("all")
                        ? null
                        : parseEnum(
                                "validity",
                                validity,
                                v -> Validity.valueOf(v.toUpperCase(Locale.ROOT)),
                                "VALID, INVALID, DISABLED, UNKNOWN or UNVERIFIED"),
                repo,
                key,
                date("from", blank(param.apply("from")), false),
                date("to", blank(param.apply("to")), true),
                q,
                sort == null
                        ? d.sort()
                        : parseEnum(
                                "sort",
                                sort,
                                s -> Sort.valueOf(s.toUpperCase(Locale.ROOT)),
                                "last_seen, first_seen, id, validity, status or access_key_id"),
                order == null
                        ? false
                        : switch (order) {
                            case "asc" -> true;
                            case "desc" -> false;
                            default -> throw new IllegalArgumentException("order: use asc or desc");
                        },
                integer("page", blank(param.apply("page")), 1, 1, 1_000_000),
                integer("per_page", blank(param.apply("per_page")), d.perPage(), 1, MAX_PER_PAGE));
    }

    public AlertFilter withPage(int p) {
        return new AlertFilter(
                status, validity, repo, accessKeyId, from, to, q, sort, ascending, p, perPage);
    }

    /**
     * Query parameters that reproduce this filter (for links: pages, sort headers, live refresh).
     */
    public Map<String, String> params() {
        Map<String, String> m = new LinkedHashMap<>();
        if (status != null) m.put("status", status.json());
        if (validity != null) m.put("validity", validity.name());
        if (repo != null) m.put("repo", repo);
        if (accessKeyId != null) m.put("accessKeyId", accessKeyId);
        if (from != null) m.put("from", from.toString());
        if (to != null) m.put("to", to.toString());
        if (q != null) m.put("q", q);
        if (sort != Sort.LAST_SEEN) m.put("sort", sort.param());
        if (ascending) m.put("order", "asc");
        if (page != 1) m.put("page", Integer.toString(page));
        if (perPage != 50) m.put("per_page", Integer.toString(perPage));
        return m;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static <T> T parseEnum(
            String name, String value, Function<String, T> f, String allowed) {
        try {
            return f.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": unknown value, use " + allowed);
        }
    }

    /** 2026-03-02 (UTC day; "to" includes that day) or an ISO instant. */
    private static Instant date(String name, String value, boolean endOfDay) {
        if (value == null) return null;
        try {
            if (value.length() == 10) {
                LocalDate d = LocalDate.parse(value);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    name
                            + ": use a date such as 2026-03-02 or a time such as 2026-03-02T10:00:00Z");
        }
    }

    private static int integer(String name, String value, int dflt, int min, int max) {
        if (value == null) return dflt;
        try {
            int v = Integer.parseInt(value);
            if (v < min || v > max) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    name + ": a whole number from " + min + " to " + max);
        }
    }
}
