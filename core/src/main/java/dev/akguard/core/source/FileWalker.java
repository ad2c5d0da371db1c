package dev.akguard.core.source;

import dev.akguard.core.suppress.PathFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.jgit.ignore.IgnoreNode.MatchResult;

/**
 * Lists the files under a root the way git sees the work tree: nested .gitignore files (with
 * negations) and .git/info/exclude honoured, .git directories skipped, plus the config's exclude
 * globs. Symbolic links are not followed unless asked, and then loops are detected by real path.
 * FIFOs, sockets and devices are never opened (opening a FIFO would block forever).
 */
public final class FileWalker {
    private final PathFilter excludes;
    private final boolean followSymlinks;
    private final boolean useGitignore;

    public FileWalker(PathFilter excludes, boolean followSymlinks, boolean useGitignore) {
        this.excludes = excludes;
        this.followSymlinks = followSymlinks;
        this.useGitignore = useGitignore;
    }

    /** One directory's ignore rules, with the root-relative path of that directory. */
    private record IgnoreLevel(String dirPrefix, PathFilter filter) {}

    private record Dir(Path path, String rel, List<IgnoreLevel> ignores) {}

    /**
     * Walks {@code root} (a directory or a single file), passing each file to {@code files} and
     * each skipped path to {@code skips}. Paths are relative to {@code root} (for a single file:
     * its file name).
     */
    public void walk(Path root, Consumer<SourceFile> files, Consumer<Skip> skips) {
        BasicFileAttributes attrs;
        try {
            attrs =
                    Files.readAttributes(
                            root,
                            BasicFileAttributes.class,
                            followSymlinks
                                    ? new LinkOption[0]
                                    : new LinkOption[] {LinkOption.NOFOLLOW_LINKS});
        } catch (IOException e) {
            // A symlink given explicitly on the command line is followed, as every tool does.
            try {
                attrs = Files.readAttributes(root, BasicFileAttributes.class);
            } catch (IOException e2) {
                skips.accept(
                        new Skip(
                                root.toString(),
                                Files.exists(root, LinkOption.NOFOLLOW_LINKS)
                                        ? Skip.Reason.UNREADABLE
                                        : Skip.Reason.MISSING,
                                null));
                return;
            }
        }
        if (attrs.isSymbolicLink()) {
            try {
                attrs = Files.readAttributes(root, BasicFileAttributes.class);
            } catch (IOException e) {
                skips.accept(new Skip(root.toString(), Skip.Reason.UNREADABLE, e.getMessage()));
                return;
            }
        }
        if (attrs.isRegularFile()) {
            files.accept(
                    new SourceFile(
                            root,
                            root.getFileName() == null
                                    ? root.toString()
                                    : root.getFileName().toString()));
            return;
        }
        if (!attrs.isDirectory()) {
            skips.accept(new Skip(root.toString(), Skip.Reason.SPECIAL, null));
            return;
        }
        Set<Path> visited = new HashSet<>();
        Deque<Dir> stack = new ArrayDeque<>();
        List<IgnoreLevel> rootIgnores = new ArrayList<>();
        if (useGitignore) {
            PathFilter info =
                    readIgnoreFile(root.resolve(".git").resolve("info").resolve("exclude"));
            if (info != null) rootIgnores.add(new IgnoreLevel("", info));
        }
        stack.push(new Dir(root, "", rootIgnores));
        realPath(root).ifPresent(visited::add);
        while (!stack.isEmpty()) {
            Dir dir = stack.pop();
            List<IgnoreLevel> ignores = dir.ignores;
            if (useGitignore) {
                PathFilter here = readIgnoreFile(dir.path.resolve(".gitignore"));
                if (here != null) {
                    ignores = new ArrayList<>(ignores);
                    ignores.add(new IgnoreLevel(dir.rel, here));
                }
            }
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir.path)) {
                for (Path p : ds) children.add(p);
            } catch (IOException | SecurityException e) {
                skips.accept(
                        new Skip(
                                dir.rel.isEmpty() ? "." : dir.rel,
                                Skip.Reason.UNREADABLE,
                                message(e)));
                continue;
            }
            children.sort(null);
            List<Dir> subdirs = new ArrayList<>();
            for (Path child : children) {
                String name = child.getFileName().toString();
                String rel = dir.rel.isEmpty() ? name : dir.rel + "/" + name;
                BasicFileAttributes a;
                try {
                    a =
                            Files.readAttributes(
                                    child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    skips.accept(new Skip(rel, Skip.Reason.UNREADABLE, message(e)));
                    continue;
                }
                boolean isLink = a.isSymbolicLink();
                if (isLink) {
                    if (!followSymlinks) {
                        if (!ignored(ignores, rel, false) && !excludes.excludes(rel))
                            skips.accept(new Skip(rel, Skip.Reason.SYMLINK, null));
                        continue;
                    }
                    try {
                        a = Files.readAttributes(child, BasicFileAttributes.class);
                    } catch (IOException e) {
                        skips.accept(new Skip(rel, Skip.Reason.UNREADABLE, "broken link"));
                        continue;
                    }
                }
                boolean directory = a.isDirectory();
                if (directory && name.equals(".git")) continue;
                if (ignored(ignores, rel, directory) || excludes.excludes(rel)) continue;
                if (directory) {
                    if (isLink || followSymlinks) {
                        var real = realPath(child);
                        if (real.isEmpty() || !visited.add(real.get())) {
                            skips.accept(new Skip(rel, Skip.Reason.SYMLINK_LOOP, null));
                            continue;
                        }
                    }
                    subdirs.add(new Dir(child, rel, ignores));
                } else if (a.isRegularFile()) {
                    files.accept(new SourceFile(child, rel));
                } else {
                    skips.accept(new Skip(rel, Skip.Reason.SPECIAL, null));
                }
            }
            for (int i = subdirs.size() - 1; i >= 0; i--) stack.push(subdirs.get(i));
        }
    }

    private static java.util.Optional<Path> realPath(Path p) {
        try {
            return java.util.Optional.of(p.toRealPath());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static String message(Exception e) {
        return e instanceof java.nio.file.AccessDeniedException
                ? "permission denied"
                : e.getMessage();
    }

    /** Deepest .gitignore with an opinion wins, as in git. */
    private static boolean ignored(List<IgnoreLevel> levels, String rel, boolean directory) {
        for (int i = levels.size() - 1; i >= 0; i--) {
            IgnoreLevel l = levels.get(i);
            String sub = l.dirPrefix.isEmpty() ? rel : rel.substring(l.dirPrefix.length() + 1);
            MatchResult r = l.filter.match(sub, directory);
            if (r == MatchResult.IGNORED) return true;
            if (r == MatchResult.NOT_IGNORED) return false;
        }
        return false;
    }

    private static PathFilter readIgnoreFile(Path f) {
        if (!Files.isRegularFile(f)) return null;
        try {
            return new PathFilter(Files.readAllLines(f, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null; // an unreadable or non-UTF-8 .gitignore must not stop the scan; git would
            // be lenient too
        }
    }
}
