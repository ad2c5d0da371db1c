package dev.akguard.monitor.watch;

import dev.akguard.core.Engine;
import dev.akguard.core.change.AddedLines;
import dev.akguard.core.change.ChangeRule;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.GitInfo;
import dev.akguard.monitor.github.Change;
import dev.akguard.monitor.github.ChangedFile;
import dev.akguard.monitor.github.FileContent;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubNotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The credentials one GitHub commit adds, by the one change rule ({@link ChangeRule}, as the
 * pre-push hook): GitHub patches are the source of the added lines, against every parent (a merge
 * is compared with each of its parents). The hunks are scanned first; the file at the commit is
 * fetched and scanned whole when a patch is missing or cut, or when an added line holds an
 * AccessKey ID or a secret-like value whose partner is not in the hunks (the other half of the pair
 * sits further away in the file). Fetched files are read up to a size limit; anything beyond it is
 * reported as a {@link ScanGap}. Only pairs count (an ID alone is not a leaked key).
 */
final class PatchScanner {

    private static final Logger LOG = Logger.getLogger(PatchScanner.class.getName());

    /** An ID prefix, or a 30-character alphanumeric word (an AccessKey secret's shape). */
    private static final Pattern CANDIDATE =
            Pattern.compile("LTAI|STS\\.|(?<![A-Za-z0-9+/])[A-Za-z0-9]{30}(?![A-Za-z0-9+/=])");

    private final Engine engine;
    private final GitHubApi api;
    private final long maxFileBytes;

    PatchScanner(Engine engine, GitHubApi api, long maxFileBytes) {
        this.engine = engine;
        this.api = api;
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * STS findings carry their security token themselves ({@link Finding#securityToken()}, in
     * memory only).
     */
    record Result(List<Finding> findings, List<ScanGap> gaps) {}

    /**
     * @param commit the commit against its first parent
     * @param otherParents for a merge, the compare of each further parent with the commit
     * @param fallbackAuthor named when the commit has no author (the pusher)
     */
    Result scan(String repo, Change commit, List<Change> otherParents, String fallbackAuthor)
            throws InterruptedException {
        List<Finding> out = new ArrayList<>();
        List<ScanGap> gaps = new ArrayList<>();
        List<Map<String, ChangedFile>> others = new ArrayList<>();
        for (Change c : otherParents) {
            Map<String, ChangedFile> byPath = new HashMap<>();
            for (ChangedFile f : c.files()) if (f.path() != null) byPath.put(f.path(), f);
            others.add(byPath);
        }
        GitInfo git = new GitInfo(commit.headSha(), commit.author(fallbackAuthor), null, null);
        files:
        for (ChangedFile file : commit.files()) {
            if (file.removed() || file.path() == null) continue;
            List<ChangedFile> sides = new ArrayList<>();
            sides.add(file);
            for (Map<String, ChangedFile> o : others) {
                ChangedFile f = o.get(file.path());
                if (f == null || f.removed())
                    continue files; // unchanged against that parent: nothing on it is new
                sides.add(f);
            }
            List<AddedLines> added = new ArrayList<>();
            boolean whole = false;
            PatchLines first = null;
            for (ChangedFile side : sides) {
                if ("renamed".equals(side.status()) && side.patch() == null)
                    continue files; // moved as it was: nothing added
                PatchLines p = side.patch() == null ? null : PatchLines.parse(side.patch());
                if (first == null && side == file) first = p;
                if (p == null || p.truncated()) whole = true;
                added.add(
                        "added".equals(side.status()) || p == null || p.truncated()
                                ? AddedLines.ALL
                                : p.added());
            }
            List<Finding> found;
            if (!whole) {
                if (!first.hasAddedLines()) continue;
                found = scanHunks(first, file.path());
                whole = unexplained(first, found);
            } else {
                found = List.of();
            }
            if (whole) {
                byte[] content = fetch(repo, file, commit.headSha(), gaps);
                if (content == null) continue;
                found = engine.scan(content, file.path());
            }
            List<Finding> pairs = new ArrayList<>();
            for (Finding f : found) if (f.secret() != null) pairs.add(f);
            for (Finding f : ChangeRule.introduced(pairs, added)) out.add(f.withGit(git));
        }
        return new Result(out, gaps);
    }

    /** Each hunk's new side scanned on its own, findings moved to their file lines. */
    private List<Finding> scanHunks(PatchLines patch, String path) {
        List<Finding> out = new ArrayList<>();
        for (PatchLines.Hunk h : patch.hunks())
            for (Finding f : engine.scan(h.text(), path)) out.add(f.shiftLines(h.start() - 1));
        return out;
    }

    /**
     * An added line holds an ID or a secret-like value that no pair found in the hunks accounts
     * for.
     */
    private static boolean unexplained(PatchLines patch, List<Finding> found) {
        java.util.Set<Integer> explained = new java.util.HashSet<>();
        for (Finding f : found) {
            if (f.secret() == null) continue;
            explained.add(f.id().line());
            if (f.secretPosition() != null) explained.add(f.secretPosition().line());
        }
        for (PatchLines.Hunk h : patch.hunks()) {
            for (int i = 0; i < h.lines().size(); i++) {
                if (!h.added()[i] || explained.contains(h.start() + i)) continue;
                if (CANDIDATE.matcher(h.lines().get(i)).find()) return true;
            }
        }
        return false;
    }

    /**
     * The file at the commit, at most {@code maxFileBytes}; a longer file is scanned that far and
     * recorded as a gap.
     */
    private byte[] fetch(String repo, ChangedFile file, String commit, List<ScanGap> gaps)
            throws InterruptedException {
        String url =
                file.contentsUrl() != null
                        ? file.contentsUrl()
                        : api.contentsUrl(
                                repo, file.path(), file.ref() != null ? file.ref() : commit);
        try {
            FileContent c = api.content(url, maxFileBytes);
            if (c.cut()) {
                gaps.add(
                        new ScanGap(
                                repo,
                                commit,
                                file.path(),
                                "not scanned beyond the first "
                                        + maxFileBytes
                                        + " bytes: the file is larger (raise watch.maxFileBytes to scan more)"));
            }
            return c.bytes();
        } catch (GitHubNotFoundException e) {
            LOG.fine(() -> repo + "/" + file.path() + " is gone: " + e.getMessage());
            return null;
        }
    }
}
