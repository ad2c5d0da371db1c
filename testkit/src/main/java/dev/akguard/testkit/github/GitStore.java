package dev.akguard.testkit.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * The real git repository behind an {@link EmulatedRepo}: every emulated commit is written here, so
 * commit ids are real git ids and the repository can be cloned over smart HTTP ({@link
 * GitSmartHttp}). In memory: nothing to clean up. Either created empty, or wrapping an existing
 * repository (benchmarks import big histories).
 */
final class GitStore {
    private final Repository repo;

    GitStore(String name) {
        this.repo = new InMemoryRepository(new DfsRepositoryDescription(name));
    }

    GitStore(Repository existing) {
        this.repo = existing;
    }

    Repository repository() {
        return repo;
    }

    /** Bytes on disk of an imported repository (0 in memory). */
    long diskBytes() {
        java.io.File dir = repo.getDirectory();
        if (dir == null || !dir.isDirectory()) return 0;
        try (var s = java.nio.file.Files.walk(dir.toPath())) {
            return s.filter(java.nio.file.Files::isRegularFile)
                    .mapToLong(p -> p.toFile().length())
                    .sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** Writes one commit whose tree is exactly {@code files}; returns its id. */
    synchronized String commit(
            Map<String, byte[]> files,
            List<String> parents,
            String authorName,
            String authorEmail,
            String message,
            Instant date) {
        try (ObjectInserter ins = repo.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder b = index.builder();
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                DirCacheEntry e = new DirCacheEntry(f.getKey());
                e.setFileMode(FileMode.REGULAR_FILE);
                e.setObjectId(ins.insert(Constants.OBJ_BLOB, f.getValue()));
                b.add(e);
            }
            b.finish();
            CommitBuilder c = new CommitBuilder();
            c.setTreeId(index.writeTree(ins));
            for (String p : parents) c.addParentId(ObjectId.fromString(p));
            PersonIdent who = new PersonIdent(authorName, authorEmail, date, ZoneOffset.UTC);
            c.setAuthor(who);
            c.setCommitter(who);
            c.setMessage(message);
            ObjectId id = ins.insert(c);
            ins.flush();
            return id.name();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an emulated commit", e);
        }
    }

    /**
     * Points {@code refs/heads/<branch>} at {@code sha} (forced: emulated pushes may rewrite
     * history).
     */
    synchronized void setBranch(String branch, String sha, String defaultBranch) {
        try {
            RefUpdate u = repo.updateRef(Constants.R_HEADS + branch);
            u.setNewObjectId(ObjectId.fromString(sha));
            u.setForceUpdate(true);
            RefUpdate.Result r = u.update();
            if (r == RefUpdate.Result.LOCK_FAILURE
                    || r == RefUpdate.Result.IO_FAILURE
                    || r == RefUpdate.Result.REJECTED) {
                throw new IllegalStateException("cannot move " + branch + ": " + r);
            }
            if (branch.equals(defaultBranch))
                repo.updateRef(Constants.HEAD).link(Constants.R_HEADS + defaultBranch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move branch " + branch, e);
        }
    }
}
