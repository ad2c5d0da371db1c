package dev.akguard.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.Engine;
import dev.akguard.git.commit.StagedScan;
import dev.akguard.git.scan.ScanResult;
import dev.akguard.testkit.git.GitFixture;
import java.nio.file.Path;
import java.util.Random;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-commit service: staged content against HEAD, never the work tree. */
class StagedScanTest {
    @TempDir Path tmp;
    GitFixture git;
    Path work;
    final Random rnd = new Random(7);

    @BeforeEach
    void setUp() {
        git = new GitFixture(tmp);
        work = git.init(tmp.resolve("work"));
    }

    ScanResult staged() {
        try (Repository repo = GitRepos.open(work)) {
            return StagedScan.run(repo, Engine.defaults());
        }
    }

    @Test
    void firstCommitIsComparedWithTheEmptyTree() {
        Keys k = Keys.random(rnd);
        GitFixture.write(work, "app.properties", k.properties());
        git.git(work, "add", "app.properties");
        ScanResult r = staged();
        assertEquals(1, r.findings().size());
        assertEquals("app.properties", r.findings().get(0).path());
        assertNull(r.findings().get(0).git(), "staged changes have no commit yet");
    }

    @Test
    void partiallyStagedFileIsJudgedByTheIndex() {
        git.commitFile(work, "app.properties", "# settings\n", "base");
        Keys k = Keys.random(rnd);
        // Key written to the work tree but not staged: the commit would not contain it.
        GitFixture.write(work, "app.properties", "# settings\n" + k.idLine() + k.secretLine());
        assertTrue(staged().findings().isEmpty());
        // Key staged, then removed from the work tree only: the commit would contain it.
        git.git(work, "add", "app.properties");
        GitFixture.write(work, "app.properties", "# settings\n");
        ScanResult r = staged();
        assertEquals(1, r.findings().size());
        assertEquals(2, r.findings().get(0).id().line());
    }

    @Test
    void unchangedKeysInEditedFilesAreNotReported() {
        Keys k = Keys.random(rnd);
        git.commitFile(work, "app.properties", k.properties(), "already committed");
        GitFixture.write(work, "app.properties", k.properties() + "timeout = 30\n");
        git.git(work, "add", "app.properties");
        assertTrue(staged().findings().isEmpty());
    }

    @Test
    void mergeInProgressCountsOnlyLinesNewToBothParents() {
        git.commitFile(work, "base.txt", "base\n", "base");
        git.git(work, "checkout", "-q", "-b", "side");
        Keys onSide = Keys.random(rnd), inResolution = Keys.random(rnd);
        git.commitFile(work, "side.properties", onSide.properties(), "side");
        git.git(work, "checkout", "-q", "main");
        git.commitFile(work, "main.txt", "main\n", "main");
        git.git(work, "merge", "-q", "--no-ff", "--no-commit", "side");
        assertTrue(
                staged().findings().isEmpty(),
                "the side branch's own commits are not this merge's doing");
        GitFixture.write(work, "resolution.properties", inResolution.properties());
        git.git(work, "add", "resolution.properties");
        ScanResult r = staged();
        assertEquals(1, r.findings().size());
        assertEquals(inResolution.id(), r.findings().get(0).accessKeyId());
    }

    @Test
    void intentToAddEntriesAreNotAnError() {
        git.commitFile(work, "a.txt", "a\n", "base");
        Keys k = Keys.random(rnd);
        GitFixture.write(work, "later.properties", k.properties());
        git.git(
                work,
                "add",
                "-N",
                "later.properties"); // intent to add: the index holds the empty blob, not the
        // content
        assertTrue(staged().findings().isEmpty());
    }

    @Test
    void suppressedKeyPasses() {
        Keys k = Keys.random(rnd);
        GitFixture.write(
                work,
                "Test.java",
                "// akguard:ignore test fixture\nString id = \""
                        + k.id()
                        + "\"; // akguard:ignore\n"
                        + "String secret = \""
                        + k.secret()
                        + "\"; // akguard:ignore\n");
        git.git(work, "add", "Test.java");
        assertTrue(staged().findings().isEmpty());
    }
}
