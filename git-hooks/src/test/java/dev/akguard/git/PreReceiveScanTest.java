package dev.akguard.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.Engine;
import dev.akguard.git.receive.PreReceiveScan;
import dev.akguard.git.receive.RefUpdate;
import dev.akguard.git.scan.ScanResult;
import dev.akguard.testkit.git.GitFixture;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which commits the server-side check judges: those the updates bring that no existing ref has. */
class PreReceiveScanTest {
    @TempDir Path tmp;
    final Random rnd = new Random(9);

    @Test
    void judgesOnlyCommitsNoRefHasAndEachForWhatItAdds() throws Exception {
        GitFixture git = new GitFixture(tmp);
        Path work = git.init(tmp.resolve("work"));
        git.commitFile(work, "README.md", "hello\n", "base");
        Keys old = Keys.random(rnd);
        String withOldKey =
                git.commitFile(work, "old.properties", old.properties(), "old key on main");
        git.git(work, "checkout", "-q", "-b", "topic");
        Keys added = Keys.random(rnd);
        String adds = git.commitFile(work, "new.properties", added.properties(), "adds a key");
        git.git(work, "rm", "-q", "new.properties");
        String removes = git.commitAll(work, "removes it");
        git.git(work, "checkout", "-q", "main");
        try (Repository repo = GitRepos.open(work)) {
            Engine engine = Engine.defaults();
            // A new ref at a commit main already has: nothing to judge, even though its history
            // holds a key.
            ScanResult same =
                    PreReceiveScan.run(
                            repo,
                            engine,
                            List.of(
                                    update(
                                            ObjectId.zeroId().name(),
                                            withOldKey,
                                            "refs/heads/copy")));
            assertEquals(0, same.commits());
            // Model the server before topic arrives (only main exists): a push creating topic
            // brings its two commits,
            // and the key added by the first is judged although the second deletes it.
            git.git(work, "branch", "-D", "topic");
            ScanResult pushed =
                    PreReceiveScan.run(
                            repo,
                            engine,
                            List.of(update(ObjectId.zeroId().name(), removes, "refs/heads/topic")));
            assertEquals(2, pushed.commits());
            assertEquals(1, pushed.findings().size());
            assertEquals(adds, pushed.findings().get(0).git().commit());
            assertEquals(added.id(), pushed.findings().get(0).accessKeyId());
            // Deletions bring nothing.
            assertEquals(
                    0,
                    PreReceiveScan.run(
                                    repo,
                                    engine,
                                    List.of(
                                            update(
                                                    withOldKey,
                                                    ObjectId.zeroId().name(),
                                                    "refs/heads/main")))
                            .commits());
        }
    }

    @Test
    void inputLinesAreParsedStrictly() throws Exception {
        String a = "1".repeat(40), b = "2".repeat(40);
        List<RefUpdate> u =
                RefUpdate.readAll(
                        new StringReader(
                                a
                                        + " "
                                        + b
                                        + " refs/heads/main\n\n"
                                        + ObjectId.zeroId().name()
                                        + " "
                                        + b
                                        + " refs/tags/v1\n"));
        assertEquals(2, u.size());
        assertEquals("refs/heads/main", u.get(0).ref());
        assertTrue(u.get(1).isCreation());
        GitException bad =
                assertThrows(GitException.class, () -> RefUpdate.parse(a + " short refs/heads/x"));
        assertTrue(bad.getMessage().contains("is not a full object id"), bad.getMessage());
        GitException ctl = assertThrows(GitException.class, () -> RefUpdate.parse("x\u001b[31m"));
        assertTrue(
                !ctl.getMessage().contains("\u001b"),
                "no control characters reach the pusher's terminal");
    }

    private static RefUpdate update(String oldId, String newId, String ref) {
        return RefUpdate.parse(oldId + " " + newId + " " + ref);
    }
}
