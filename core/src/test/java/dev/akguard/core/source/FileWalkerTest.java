package dev.akguard.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.suppress.PathFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWalkerTest {
    private static void write(Path root, String rel, String text) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static List<String> walk(Path root, boolean follow, List<Skip> skips) {
        List<String> files = new ArrayList<>();
        new FileWalker(PathFilter.NONE, follow, true)
                .walk(root, f -> files.add(f.relativePath()), skips::add);
        files.sort(null);
        return files;
    }

    @Test
    void nestedGitignoreWithNegationsAndGitDirSkipped(@TempDir Path root) throws Exception {
        write(root, ".gitignore", "*.log\nbuild/\n!keep.log\n");
        write(root, "a.log", "x");
        write(root, "keep.log", "x");
        write(root, "build/out.txt", "x");
        write(root, "src/.gitignore", "generated.java\n!*.log\n");
        write(root, "src/generated.java", "x");
        write(root, "src/Main.java", "x");
        write(root, "src/debug.log", "x");
        write(root, ".git/config", "x");
        write(root, ".git/info/exclude", "secret-notes.txt\n");
        write(root, "secret-notes.txt", "x");
        assertEquals(
                List.of(
                        ".gitignore",
                        "keep.log",
                        "src/.gitignore",
                        "src/Main.java",
                        "src/debug.log"),
                walk(root, false, new ArrayList<>()));
    }

    @Test
    void symlinksAreReportedNotFollowedAndLoopsAreCaught(@TempDir Path root) throws Exception {
        write(root, "d/file.txt", "x");
        Files.createSymbolicLink(root.resolve("d/loop"), root.resolve("d"));
        Files.createSymbolicLink(root.resolve("link.txt"), root.resolve("d/file.txt"));
        List<Skip> skips = new ArrayList<>();
        assertEquals(List.of("d/file.txt"), walk(root, false, skips));
        assertEquals(2, skips.stream().filter(s -> s.reason() == Skip.Reason.SYMLINK).count());
        skips.clear();
        List<String> followed = walk(root, true, skips);
        assertTrue(followed.contains("link.txt"));
        assertTrue(
                skips.stream()
                        .anyMatch(
                                s ->
                                        s.reason() == Skip.Reason.SYMLINK_LOOP
                                                && s.path().equals("d/loop")),
                skips.toString());
    }

    @Test
    void fifoIsNeverOpened(@TempDir Path root) throws Exception {
        write(root, "ok.txt", "x");
        Process p = new ProcessBuilder("mkfifo", root.resolve("pipe").toString()).start();
        assertEquals(0, p.waitFor());
        List<Skip> skips = new ArrayList<>();
        assertEquals(List.of("ok.txt"), walk(root, false, skips));
        assertEquals(Skip.Reason.SPECIAL, skips.get(0).reason());
    }
}
