package dev.akguard.git.scan;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.GitInfo;
import dev.akguard.git.GitException;
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
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.util.io.DisabledOutputStream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Finds the credentials a change adds. Each changed file's new blob is scanned whole (so an ID and a secret on
 * different lines still pair), then a finding is kept only when its ID line or its secret line is among the
 * lines the change adds — relative to every parent, so a merge reports only what it introduces itself (a
 * conflict resolution), not what its branches already brought. Renames and copies count as unchanged lines.
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

    public ChangeScanner(ObjectReader reader, Config repoConfig, Engine engine, BlobFindings blobs) {
        this.reader = reader;
        this.repoConfig = repoConfig;
        this.engine = engine;
        this.blobs = blobs;
    }

    public BlobFindings blobs() { return blobs; }

    /**
     * @param parents the old sides (empty list: everything is new, as for a root commit)
     * @param target  the new side
     * @param git     attached to every finding (null for staged changes)
     */
    public List<Finding> scan(List<TreeSource> parents, TreeSource target, GitInfo git) {
        List<List<DiffEntry>> diffs = diffs(parents.isEmpty() ? List.of(TreeSource.EMPTY) : parents, target);
        List<Finding> out = new ArrayList<>();
        for (DiffEntry e : diffs.get(0)) {
            if (!isScannable(e)) continue;
            String path = e.getNewPath();
            if (engine.isExcluded(path)) continue;
            AnyObjectId blob = e.getNewId().toObjectId();
            List<Finding> found = blobs.of(blob, path);
            if (found.isEmpty()) continue;
            List<DiffEntry> perParent = new ArrayList<>(diffs.size());
            for (List<DiffEntry> d : diffs) perParent.add(entryFor(d, path));
            for (Finding f : keepAdded(blob, found, perParent)) out.add(git == null ? f : f.withGit(git));
        }
        return out;
    }

    /** The diff of each parent against the target, with rename and copy detection. */
    public List<List<DiffEntry>> diffs(List<TreeSource> parents, TreeSource target) {
        List<List<DiffEntry>> out = new ArrayList<>(parents.size());
        try (DiffFormatter df = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            df.setReader(reader, repoConfig);
            df.setDetectRenames(true);
            for (TreeSource p : parents) out.add(df.scan(p.open(), target.open()));
        } catch (MissingObjectException e) {
            throw new GitException("object " + e.getObjectId().name() + " is missing from the repository: it is corrupt, shallow "
                    + "or a partial clone; run `git fsck` or fetch the missing objects", e);
        } catch (IOException e) {
            throw new GitException("cannot compute the diff: " + e.getMessage(), e);
        }
        return out;
    }

    /** Regular and executable files only: gitlinks (submodules) have no content here, symlinks hold a path. */
    public static boolean isScannable(DiffEntry e) {
        if (e.getChangeType() == DiffEntry.ChangeType.DELETE) return false;
        int t = e.getNewMode().getObjectType();
        return t == org.eclipse.jgit.lib.Constants.OBJ_BLOB && e.getNewMode() != FileMode.SYMLINK;
    }

    static DiffEntry entryFor(List<DiffEntry> diff, String newPath) {
        for (DiffEntry e : diff) if (e.getChangeType() != DiffEntry.ChangeType.DELETE && e.getNewPath().equals(newPath)) return e;
        return null;
    }

    /**
     * Keeps the findings whose ID or secret line is added relative to every parent. A null entry means the path
     * did not change against that parent, so nothing on it is new.
     */
    public List<Finding> keepAdded(AnyObjectId newBlob, List<Finding> found, List<DiffEntry> perParent) {
        TextLines text = null;
        List<AddedLines> added = new ArrayList<>(perParent.size());
        for (DiffEntry e : perParent) {
            if (e == null) return List.of();
            if (isWholeFileNew(e)) { added.add(AddedLines.ALL); continue; }
            if (text == null) text = TextLines.of(blobBytes(newBlob, e.getNewPath()));
            added.add(addedLines(e, text));
        }
        List<Finding> out = new ArrayList<>();
        for (Finding f : found) {
            boolean keep = true;
            for (AddedLines a : added) {
                if (a == AddedLines.ALL) continue;
                boolean idAdded = a.contains(text.lineOf(f.id().offset()));
                boolean secretAdded = f.secretPosition() != null && a.contains(text.lineOf(f.secretPosition().offset()));
                if (!idAdded && !secretAdded) { keep = false; break; }
            }
            if (keep) out.add(f);
        }
        return out;
    }

    private static boolean isWholeFileNew(DiffEntry e) {
        return e.getChangeType() == DiffEntry.ChangeType.ADD || e.getOldId().toObjectId().equals(org.eclipse.jgit.lib.ObjectId.zeroId())
                || e.getOldMode().getObjectType() != org.eclipse.jgit.lib.Constants.OBJ_BLOB || e.getOldMode() == FileMode.SYMLINK;
    }

    private AddedLines addedLines(DiffEntry e, TextLines newText) {
        TextLines old = TextLines.of(blobBytes(e.getOldId().toObjectId(), e.getOldPath()));
        if (old.binary() || newText.binary()) return AddedLines.ALL;
        EditList edits = DIFF.diff(RawTextComparator.DEFAULT, old.raw(), newText.raw());
        BitSet lines = new BitSet();
        for (Edit ed : edits) if (ed.getEndB() > ed.getBeginB()) lines.set(ed.getBeginB(), ed.getEndB());
        return new AddedLines(lines);
    }

    private byte[] blobBytes(AnyObjectId id, String path) {
        Blob.Content c = Blob.read(reader, id, path, Long.MAX_VALUE);
        return c.bytes() == null ? new byte[0] : c.bytes();
    }

    /** 0-based line numbers a change adds; {@link #ALL} for a new file. */
    record AddedLines(BitSet lines) {
        static final AddedLines ALL = new AddedLines(null);

        boolean contains(int line) { return lines == null || lines.get(line); }
    }
}
