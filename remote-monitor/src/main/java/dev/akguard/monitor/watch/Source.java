package dev.akguard.monitor.watch;

import dev.akguard.core.text.UriPaths;

/**
 * Something the watcher polls. Its {@link #key()} names its poll cursor in the store, so every
 * instance that watches the same source shares one cursor.
 */
public record Source(Kind kind, String value) {

    public enum Kind {
        PUBLIC_EVENTS,
        ORG,
        USER,
        REPO,
        SEARCH
    }

    public static Source publicEvents() {
        return new Source(Kind.PUBLIC_EVENTS, "");
    }

    public static Source org(String org) {
        return new Source(Kind.ORG, requireName(org, "organisation"));
    }

    public static Source user(String user) {
        return new Source(Kind.USER, requireName(user, "user"));
    }

    public static Source search(String query) {
        return new Source(Kind.SEARCH, query.trim());
    }

    public static Source repo(String fullName) {
        String r = fullName.trim();
        int slash = r.indexOf('/');
        if (slash <= 0 || slash != r.lastIndexOf('/') || slash == r.length() - 1) {
            throw new IllegalArgumentException(
                    "Repository must be OWNER/NAME, got '" + fullName + "'");
        }
        return new Source(Kind.REPO, r);
    }

    private static String requireName(String s, String what) {
        String t = s == null ? "" : s.trim();
        if (t.isEmpty() || t.contains("/") || t.contains(" "))
            throw new IllegalArgumentException("Not a GitHub " + what + " name: '" + s + "'");
        return t;
    }

    public String key() {
        return switch (kind) {
            case PUBLIC_EVENTS -> "events";
            case ORG -> "org:" + value;
            case USER -> "user:" + value;
            case REPO -> "repo:" + value;
            case SEARCH -> "search:" + value;
        };
    }

    /** The events feed path, or null for the search sweep. */
    public String feedPath() {
        return switch (kind) {
            case PUBLIC_EVENTS -> "/events";
            case ORG -> "/orgs/" + UriPaths.segment(value) + "/events";
            case USER -> "/users/" + UriPaths.segment(value) + "/events/public";
            case REPO -> "/repos/" + UriPaths.path(value) + "/events";
            case SEARCH -> null;
        };
    }

    @Override
    public String toString() {
        return key();
    }
}
