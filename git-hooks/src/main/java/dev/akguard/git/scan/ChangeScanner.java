package dev.akguard.git.scan;

import dev.akguard.core.Engine;
import dev.akguard.core.change.AddedLines;
import dev.akguard.core.change.ChangeRule;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.GitInfo;
import dev.akguard.git.GitException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Finds the credentials a change adds. Each changed file's new blob is scanned whole (so an ID and
 * a secret on different lines still pair), then a finding is kept only when its ID line or its
 * secret line is among the lines the change adds — relative to every parent, so a merge reports
 * only what it introduces itself (a conflict resolution), not what its branches already brought.
 * Renames and copies count as unchanged lines.
 */
public final class ChangeScanner {
    /** Opens a fresh iterator over one side of a diff (iterators are single-use). */
    @FunctionalInterface
    public interface TreeSource {
        AbstractTreeIterator open() throws IOException;

        TreeSource EMPTY = EmptyTreeIterator::new;
    }

    private static final DiffAlgorithm DIFF = new HistogramDiff();

    private final ObjectReader reader;
    private final Config repoConfig;
    private final Engine engine;
    private final BlobFindings blobs;

    public ChangeScanner(
            ObjectReader reader, Config repoConfig, Engine engine, BlobFindings blobs) {
        this.reader = reader;
        this.repoConfig = repoConfig;
        this.engine = engine;
        this.blobs = blobs;
    }

    public BlobFindings blobs() {
        return blobs;
    }

    /**
     * Decides whether a (blob, path) pair the change introduces is reported; history scans report
     * each pair once.
     */
    @FunctionalInterface
    public interface ReportFilter {
        boolean report(AnyObjectId blob, String path);

        ReportFilter ALWAYS = (b, p) -> true;
    }

    /**
     * @param parents the old sides (empty list: everything is new, as for a root commit)
     * @param target the new side
     * @param git attached to every finding (null for staged changes)
     */
    public List<Finding> scan(List<TreeSource> parents, TreeSource target, GitInfo git) {
        return scan(parents, target, () -> git, ReportFilter.ALWAYS);
    }

    /**
     * A tree walk over the parents and the target lists the (path, blob) pairs the target
     * introduces — cheap, no diff computed. Each blob's findings come from the cache; only a blob
     * that holds a credential costs a diff (with rename detection), to see whether this change
     * added the credential's line.
     */
    public List<Finding> scan(
            List<TreeSource> parents,
            TreeSource target,
            Supplier<GitInfo> git,
            ReportFilter filter) {
        List<Introduced> candidates = new ArrayList<>();
        for (Introduced e : introduced(parents, target)) {
            List<Finding> found = blobs.of(e.blob(), e.path());
            if (!found.isEmpty()) candidates.add(new Introduced(e.path(), e.blob(), found));
        }
        return attribute(parents, target, candidates, git, filter);
    }

    /** A file the target introduces: its path, its blob, and (once scanned) the blob's findings. */
    public record Introduced(String path, ObjectId blob, List<Finding> findings) {
        public Introduced(String path, ObjectId blob) {
            this(path, blob, List.of());
        }
    }

    /**
     * The regular files whose blob differs from the blob at the same path in every parent (all of
     * them for a root commit), minus the paths the config excludes. Gitlinks (submodules), symlinks
     * and deletions are left out.
     */
    public List<Introduced> introduced(List<TreeSource> parents, TreeSource target) {
        List<TreeSource> olds = parents.isEmpty() ? List.of(TreeSource.EMPTY) : parents;
        List<Introduced> out = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(reader)) {
            tw.setRecursive(true);
            for (TreeSource p : olds) tw.addTree(p.open());
            int self = tw.addTree(target.open());
            tw.setFilter(TreeFilter.ANY_DIFF);
            while (tw.next()) {
                int mode = tw.getRawMode(self);
                if (!FileMode.REGULAR_FILE.equals(mode) && !FileMode.EXECUTABLE_FILE.equals(mode))
                    continue;
                if (!introduced(tw, self)) continue;
                String path = tw.getPathString();
                if (engine.isExcluded(path)) continue;
                out.add(new Introduced(path, tw.getObjectId(self)));
            }
        } catch (MissingObjectException e) {
            throw missing(e);
        } catch (IOException e) {
            throw new GitException(
                    "cannot compare trees: "
                            + e.getMessage()
                            + " (check the repository with `git fsck`)",
                    e);
        }
        return out;
    }

    /**
     * Of the introduced files that hold credentials, the findings on lines the target adds relative
     * to every parent, with {@code git} attached (asked for only when something is found).
     */
    public List<Finding> attribute(
            List<TreeSource> parents,
            TreeSource target,
            List<Introduced> withFindings,
            Supplier<GitInfo> git,
            ReportFilter filter) {
        if (withFindings.isEmpty()) return List.of();
        List<TreeSource> olds = parents.isEmpty() ? List.of(TreeSource.EMPTY) : parents;
        List<Finding> out = new ArrayList<>();
        List<List<DiffEntry>> diffs = null;
        GitInfo info = null;
        for (Introduced e : withFindings) {
            if (e.findings().isEmpty() || !filter.report(e.blob(), e.path())) continue;
            if (diffs == null) diffs = diffs(olds, target);
            List<DiffEntry> perParent = new ArrayList<>(diffs.size());
            for (List<DiffEntry> d : diffs) perParent.add(entryFor(d, e.path()));
            List<Finding> kept = keepAdded(e.blob(), e.findings(), perParent);
            if (kept.isEmpty()) continue;
            if (info == null) info = git.get();
            for (Finding f : kept) out.add(info == null ? f : f.withGit(info));
        }
        out.sort(dev.akguard.core.ScanRunner.ORDER);
        return out;
    }

    /** The blob at this path differs from the one at the same path in every parent. */
    private static boolean introduced(TreeWalk tw, int self) {
        for (int p = 0; p < self; p++) {
            if (tw.getRawMode(p) != 0 && tw.idEqual(p, self)) return false;
        }
        return true;
    }

    static GitException missing(MissingObjectException e) {
        return new GitException(
                "object "
                        + e.getObjectId().name()
                        + " is missing from the repository: it is corrupt, shallow "
                        + "or a partial clone; run `git fsck` or fetch the missing objects",
                e);
    }

    /** The diff of each parent against the target, with rename and copy detection. */
    public List<List<DiffEntry>> diffs(List<TreeSource> parents, TreeSource target) {
        List<List<DiffEntry>> out = new ArrayList<>(parents.size());
        try (DiffFormatter df = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            df.setReader(reader, repoConfig);
            df.setDetectRenames(true);
            for (TreeSource p : parents) out.add(df.scan(p.open(), target.open()));
        } catch (MissingObjectException e) {
            throw missing(e);
        } catch (IOException e) {
            throw new GitException("cannot compute the diff: " + e.getMessage(), e);
        }
        return out;
    }

    static DiffEntry entryFor(List<DiffEntry> diff, String newPath) {
        for (DiffEntry e : diff)
            if (e.getChangeType() != DiffEntry.ChangeType.DELETE && e.getNewPath().equals(newPath))
                return e;
        return null;
    }

    /**
     * Keeps the findings whose ID or secret line is added relative to every parent. A null entry
     * means the path did not change against that parent, so nothing on it is new.
     */
    public List<Finding> keepAdded(
            AnyObjectId newBlob, List<Finding> found, List<DiffEntry> perParent) {
        TextLines text = null;
        List<AddedLines> added = new ArrayList<>(perParent.size());
        for (DiffEntry e : perParent) {
            if (e == null) return List.of();
            if (isWholeFileNew(e)) {
                added.add(AddedLines.ALL);
                continue;
            }
            if (text == null) text = TextLines.of(blobBytes(newBlob, e.getNewPath()));
            added.add(addedLines(e, text));
        }
        if (text == null) return found; // new against every parent
        TextLines lines = text;
        return ChangeRule.introduced(found, added, p -> lines.lineOf(p.offset()));
    }

    private static boolean isWholeFileNew(DiffEntry e) {
        return e.getChangeType() == DiffEntry.ChangeType.ADD
                || e.getOldId().toObjectId().equals(org.eclipse.jgit.lib.ObjectId.zeroId())
                || e.getOldMode().getObjectType() != org.eclipse.jgit.lib.Constants.OBJ_BLOB
                || e.getOldMode() == FileMode.SYMLINK;
    }

    private AddedLines addedLines(DiffEntry e, TextLines newText) {
        TextLines old = TextLines.of(blobBytes(e.getOldId().toObjectId(), e.getOldPath()));
        if (old.binary() || newText.binary()) return AddedLines.ALL;
        EditList edits = DIFF.diff(RawTextComparator.DEFAULT, old.raw(), newText.raw());
        AddedLines.Builder lines = new AddedLines.Builder(); // 0-based, as TextLines.lineOf counts
        for (Edit ed : edits) lines.add(ed.getBeginB(), ed.getEndB());
        return lines.build();
    }

    private byte[] blobBytes(AnyObjectId id, String path) {
        Blob.Content c = Blob.read(reader, id, path, Long.MAX_VALUE);
        return c.bytes() == null ? new byte[0] : c.bytes();
    }
}
