package dev.akguard.git.scan;

import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.GitInfo;
import dev.akguard.git.GitException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/** The credentials one commit adds, relative to its parents (all of them, for a merge). */
public final class CommitScanner {
    private final RevWalk walk;
    private final ObjectReader reader;
    private final ChangeScanner changes;

    public CommitScanner(RevWalk walk, ChangeScanner changes) {
        this.walk = walk;
        this.reader = walk.getObjectReader();
        this.changes = changes;
    }

    public List<Finding> scan(RevCommit commit) {
        try {
            walk.parseHeaders(commit);
            List<ChangeScanner.TreeSource> parents = new ArrayList<>(commit.getParentCount());
            for (RevCommit p : commit.getParents()) {
                walk.parseHeaders(p);
                parents.add(() -> new CanonicalTreeParser(null, reader, p.getTree()));
            }
            return changes.scan(
                    parents,
                    () -> new CanonicalTreeParser(null, reader, commit.getTree()),
                    () -> {
                        try {
                            return gitInfo(walk, commit);
                        } catch (IOException e) {
                            throw new GitException(
                                    "cannot read commit " + commit.name() + ": " + e.getMessage(),
                                    e);
                        }
                    },
                    ChangeScanner.ReportFilter.ALWAYS);
        } catch (IOException e) {
            throw new GitException(
                    "cannot read commit "
                            + commit.name()
                            + ": "
                            + e.getMessage()
                            + " (check the repository with `git fsck`)",
                    e);
        }
    }

    /** Commit id, author and author date, as reports show them. */
    public static GitInfo gitInfo(RevWalk walk, RevCommit c) throws IOException {
        if (c.getRawBuffer() == null) walk.parseBody(c);
        PersonIdent a = c.getAuthorIdent();
        return new GitInfo(c.name(), a.getName(), a.getEmailAddress(), a.getWhenAsInstant());
    }
}
