package dev.akguard.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.git.history.HistoryOptions;
import dev.akguard.git.history.HistoryScanner;
import dev.akguard.git.scan.ScanResult;
import dev.akguard.testkit.git.GitFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History scans: attribution, blob de-duplication, ranges, and what is skipped. */
class HistoryScannerTest {
    @TempDir Path tmp;
    GitFixture git;
    Path work;
    final Random rnd = new Random(99);

    @BeforeEach
    void setUp() {
        git = new GitFixture(tmp);
        work = git.init(tmp.resolve("work"));
    }

    ScanResult scan(Path repoDir, HistoryOptions o) {
        try (Repository repo = GitRepos.open(repoDir)) {
            return new HistoryScanner(repo, Engine.defaults()).run(o, HistoryScanner.Progress.NONE);
        }
    }

    @Test
    void keyIsAttributedToTheCommitThatAddedItAndReportedOnce() throws Exception {
        git.commitFile(work, "README.md", "readme\n", "first");
        Keys k = Keys.random(rnd);
        String added = git.commitFile(work, "app.properties", k.properties(), "add key");
        git.commitFile(work, "app.properties", k.properties() + "timeout = 1\n", "edit other line");
        git.git(work, "mv", "app.properties", "conf.properties");
        git.git(work, "commit", "-q", "-m", "rename");
        // The same content on another branch: same blob, scanned once, not reported again.
        git.git(work, "checkout", "-q", "-b", "copy", added);
        git.commitFile(work, "unrelated.txt", "x\n", "unrelated");
        git.git(work, "rm", "-q", "app.properties");
        git.git(work, "commit", "-q", "-m", "delete key");
        ScanResult r = scan(work, HistoryOptions.ALL);
        assertEquals(1, r.findings().size(), r.findings().toString());
        Finding f = r.findings().get(0);
        assertEquals(added, f.git().commit());
        assertEquals("app.properties", f.path());
        assertEquals(k.id(), f.accessKeyId());
        assertEquals(6, r.commits());
    }

    @Test
    void eachBlobIsScannedOnce() {
        git.commitFile(work, "a.txt", "same content\n", "one");
        git.commitFile(work, "b.txt", "same content\n", "copy of a");
        git.commitFile(work, "a.txt", "new content\n", "change a");
        git.commitFile(work, "a.txt", "same content\n", "revert a");
        ScanResult r = scan(work, HistoryOptions.ALL);
        assertEquals(2, r.blobsScanned(), "two distinct blobs in four commits");
    }

    @Test
    void parallelScanFindsTheSameAsSequential() {
        for (int i = 0; i < 300; i++)
            GitFixture.write(work, "gen/f" + i + ".txt", "file " + i + "\n");
        Keys k = Keys.random(rnd);
        GitFixture.write(work, "gen/f150.txt", k.properties());
        git.commitAll(work, "many files");
        git.git(work, "gc", "-q"); // packed, so the pack-order path is exercised
        try (Repository repo = GitRepos.open(work)) {
            ScanResult one =
                    new HistoryScanner(repo, Engine.defaults(), 1)
                            .run(HistoryOptions.ALL, HistoryScanner.Progress.NONE);
            ScanResult four =
                    new HistoryScanner(repo, Engine.defaults(), 4)
                            .run(HistoryOptions.ALL, HistoryScanner.Progress.NONE);
            assertEquals(300, one.blobsScanned());
            assertEquals(300, four.blobsScanned());
            assertEquals(1, four.findings().size());
            assertEquals(one.findings().toString(), four.findings().toString());
            assertEquals("gen/f150.txt", four.findings().get(0).path());
        }
    }

    @Test
    void rangeAndSinceLimitTheCommits() {
        Keys old = Keys.random(rnd), recent = Keys.random(rnd);
        String first = git.commitFile(work, "old.properties", old.properties(), "old key");
        git.commitFile(work, "new.properties", recent.properties(), "new key");
        ScanResult range = scan(work, new HistoryOptions(first + "..HEAD", null));
        assertEquals(1, range.commits());
        assertEquals(
                List.of(recent.id()), range.findings().stream().map(Finding::accessKeyId).toList());
        // GitFixture dates commits 2024-01-01T00:00:0N; the second commit is one second after the
        // first.
        ScanResult since =
                scan(
                        work,
                        new HistoryOptions(
                                null, Instant.parse("2024-01-01T00:00:00Z").plusSeconds(4)));
        assertEquals(
                List.of(recent.id()), since.findings().stream().map(Finding::accessKeyId).toList());
        GitException bad =
                assertThrows(
                        GitException.class,
                        () -> scan(work, new HistoryOptions("nope..HEAD", null)));
        assertTrue(bad.getMessage().contains("nope"), bad.getMessage());
    }

    @Test
    void lfsPointersAndSubmodulesAreSkipped() {
        Keys k = Keys.random(rnd);
        Path sub = git.init(tmp.resolve("sub"));
        git.commitFile(sub, "secret.properties", k.properties(), "key in submodule");
        git.git(
                work,
                "-c",
                "protocol.file.allow=always",
                "submodule",
                "add",
                "-q",
                sub.toString(),
                "modules/sub");
        // An LFS pointer names the content by hash; akguard must not read the (absent) content nor
        // choke on it.
        GitFixture.write(
                work,
                "big.bin",
                "version https://git-lfs.github.com/spec/v1\noid sha256:"
                        + "ab".repeat(32)
                        + "\nsize 12345\n");
        git.commitAll(work, "submodule and lfs");
        ScanResult r = scan(work, HistoryOptions.ALL);
        assertTrue(
                r.findings().isEmpty(),
                "the submodule's own history is not part of this repository: " + r.findings());
        assertEquals(1, r.blobsScanned(), ".gitmodules only; the LFS pointer is not scanned");
    }

    @Test
    void shallowClonePackedRefsAndTagsWork() {
        Keys k = Keys.random(rnd);
        git.commitFile(work, "one.txt", "1\n", "one");
        git.commitFile(work, "two.properties", k.properties(), "two");
        git.git(work, "tag", "-a", "v1", "-m", "v1");
        git.commitFile(work, "three.txt", "3\n", "three");
        git.git(work, "pack-refs", "--all");
        Path shallow = tmp.resolve("shallow");
        git.git(
                tmp,
                "clone",
                "-q",
                "--depth",
                "2",
                "--no-local",
                work.toUri().toString(),
                shallow.toString());
        try (Repository repo = GitRepos.open(shallow)) {
            HistoryScanner s = new HistoryScanner(repo, Engine.defaults());
            assertTrue(s.isShallow());
            ScanResult r = s.run(HistoryOptions.ALL, HistoryScanner.Progress.NONE);
            assertEquals(2, r.commits());
            assertEquals(1, r.findings().size());
        }
        ScanResult full = scan(work, HistoryOptions.ALL);
        assertEquals(3, full.commits());
        assertEquals(1, full.findings().size());
    }

    @Test
    void brokenRepositoryIsAClearError() throws Exception {
        git.commitFile(work, "a.txt", "some content\n", "one");
        git.commitFile(work, "b.txt", "more content\n", "two");
        String blob = git.git(work, "rev-parse", "HEAD:b.txt").out().trim();
        Files.delete(
                work.resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2)));
        GitException e = assertThrows(GitException.class, () -> scan(work, HistoryOptions.ALL));
        assertTrue(
                e.getMessage().contains("missing") && e.getMessage().contains("git fsck"),
                e.getMessage());
        Path notRepo = Files.createDirectories(tmp.resolve("plain"));
        GitException e2 = assertThrows(GitException.class, () -> scan(notRepo, HistoryOptions.ALL));
        assertTrue(e2.getMessage().contains("not inside a git repository"), e2.getMessage());
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.findAny().isPresent());
        }
    }
}
