package dev.akguard.core.suppress;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode.MatchResult;

/**
 * Path globs in .gitignore syntax (so {@code vendor/}, {@code **}{@code /*.min.js}, {@code
 * !keep.js} mean what users already know), evaluated the way git does: the last matching rule wins.
 * JGit's rule implementation is the reference one; we reuse it for .gitignore files and for the
 * config's exclude list alike.
 */
public final class PathFilter {
    public static final PathFilter NONE = new PathFilter(List.of());

    private final List<FastIgnoreRule> rules;

    public PathFilter(List<String> patterns) {
        List<FastIgnoreRule> parsed = new ArrayList<>();
        for (String p : patterns) {
            String t = p.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            parsed.add(new FastIgnoreRule(t));
        }
        this.rules = List.copyOf(parsed);
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * @param path '/'-separated, relative to the directory the patterns belong to
     */
    public MatchResult match(String path, boolean directory) {
        for (int i = rules.size() - 1; i >= 0; i--) {
            FastIgnoreRule r = rules.get(i);
            if (r.isMatch(path, directory, true))
                return r.getResult() ? MatchResult.IGNORED : MatchResult.NOT_IGNORED;
        }
        return MatchResult.CHECK_PARENT;
    }

    /** True when the path or one of its parent directories is excluded. */
    public boolean excludes(String path) {
        if (rules.isEmpty()) return false;
        String[] parts = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) prefix.append('/');
            prefix.append(parts[i]);
            boolean dir = i < parts.length - 1;
            if (match(prefix.toString(), dir) == MatchResult.IGNORED) return true;
        }
        return false;
    }
}
