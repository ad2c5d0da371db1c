package dev.akguard.console.web;

import dev.akguard.monitor.store.Occurrence;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Links to GitHub for an occurrence, built from validated parts rather than trusted strings: the
 * site comes from the recorded file URL (http or https only), owner, name, login and commit must
 * look like GitHub's, and every path segment is percent-encoded. Anything that does not fit gets no
 * link (null), never a raw one.
 */
public final class Links {
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");
    private static final Pattern LOGIN =
            Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\\[bot\\])?");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,64}");

    /** The links of one occurrence; each may be null. */
    public record OccurrenceLinks(String repo, String file, String commit, String user) {}

    private Links() {}

    public static OccurrenceLinks of(Occurrence o) {
        String site = site(o.url());
        String repo = repo(site, o.repo());
        if (repo == null) return new OccurrenceLinks(null, null, null, null);
        boolean sha = o.commit() != null && SHA.matcher(o.commit()).matches();
        String commit = sha ? repo + "/commit/" + o.commit() : null;
        String file =
                sha && o.path() != null
                        ? repo
                                + "/blob/"
                                + o.commit()
                                + "/"
                                + path(o.path())
                                + (o.line() > 0 ? "#L" + o.line() : "")
                        : null;
        String user =
                o.author() != null && LOGIN.matcher(o.author()).matches()
                        ? site + "/" + o.author()
                        : null;
        return new OccurrenceLinks(repo, file, commit, user);
    }

    /** scheme://host[:port] of the recorded URL, when it is http(s) with a plain host. */
    static String site(String url) {
        if (url == null) return null;
        try {
            URI u = new URI(url);
            String scheme = u.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http")))
                return null;
            String host = u.getHost();
            if (host == null || !host.matches("[A-Za-z0-9.-]+") || u.getRawUserInfo() != null)
                return null;
            return scheme.toLowerCase(java.util.Locale.ROOT)
                    + "://"
                    + host
                    + (u.getPort() > 0 ? ":" + u.getPort() : "");
        } catch (Exception e) {
            return null;
        }
    }

    static String repo(String site, String repo) {
        if (site == null || repo == null) return null;
        int slash = repo.indexOf('/');
        if (slash < 0) return null;
        String owner = repo.substring(0, slash), name = repo.substring(slash + 1);
        if (!OWNER.matcher(owner).matches()
                || !NAME.matcher(name).matches()
                || name.equals(".")
                || name.equals("..")) return null;
        return site + "/" + owner + "/" + name;
    }

    /** Each segment percent-encoded (spaces as %20), slashes kept. */
    static String path(String path) {
        StringBuilder b = new StringBuilder();
        for (String seg : path.split("/", -1)) {
            if (b.length() > 0) b.append('/');
            b.append(URLEncoder.encode(seg, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return b.toString();
    }

    /** A query string from parameters, each encoded. */
    public static String query(java.util.Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach(
                (k, v) ->
                        b.append(b.length() == 0 ? "?" : "&")
                                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                                .append('=')
                                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }
}
