package dev.akguard.cli.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.akguard.cli.AkguardCommand;
import dev.akguard.testkit.corpus.FakeKeys;
import dev.akguard.testkit.git.GitFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook commands through the picocli parser (what a person typing them gets) and the fast path's
 * scope.
 */
class HookCommandTest {
    @TempDir Path tmp;

    @Test
    void fastPathTakesOnlyTheExactFormsTheInstalledHooksUse() {
        assertTrue(
                HookFastPath.handles(
                        new String[] {"hook", "pre-push", "origin", "/srv/remote.git"}));
        assertTrue(HookFastPath.handles(new String[] {"hook", "pre-push"}));
        assertTrue(HookFastPath.handles(new String[] {"hook", "pre-commit"}));
        assertTrue(
                HookFastPath.handles(new String[] {"hook", "pre-commit", "a.txt", "b.txt"}),
                "pre-commit framework file names");
        assertFalse(
                HookFastPath.handles(new String[] {"hook", "pre-push", "--format", "json"}),
                "options go to the full parser");
        assertFalse(HookFastPath.handles(new String[] {"hook", "pre-commit", "--help"}));
        assertFalse(HookFastPath.handles(new String[] {"hook", "install"}));
        assertFalse(HookFastPath.handles(new String[] {"scan", "."}));
        assertFalse(HookFastPath.handles(new String[] {"hook"}));
    }

    @Test
    void preCommitWithOptionsGoesThroughTheParserAndWritesJson() throws Exception {
        GitFixture git = new GitFixture(tmp);
        Path work = git.init(tmp.resolve("work"));
        Random rnd = new Random(11);
        String id = FakeKeys.accessKeyId(rnd);
        GitFixture.write(
                work,
                "k.properties",
                "access_key_id = " + id + "\naccess_key_secret = " + FakeKeys.secret(rnd) + "\n");
        git.git(work, "add", "k.properties");
        Path out = tmp.resolve("staged.json");
        StringWriter err = new StringWriter();
        int exit =
                AkguardCommand.commandLine()
                        .setErr(new PrintWriter(err, true))
                        .execute(
                                "hook",
                                "pre-commit",
                                "--repo",
                                work.toString(),
                                "--format",
                                "json",
                                "--output",
                                out.toString());
        assertEquals(1, exit, err.toString());
        assertEquals(
                id,
                JsonParser.parseString(Files.readString(out))
                        .getAsJsonArray()
                        .get(0)
                        .getAsJsonObject()
                        .get("accessKeyId")
                        .getAsString());
        assertTrue(err.toString().contains("commit blocked"), err.toString());
    }

    @Test
    void badLauncherOrRepositoryIsAClearErrorAndChangesNothing() throws Exception {
        GitFixture git = new GitFixture(tmp);
        Path work = git.init(tmp.resolve("work"));
        StringWriter err = new StringWriter();
        int exit =
                AkguardCommand.commandLine()
                        .setErr(new PrintWriter(err, true))
                        .execute(
                                "hook",
                                "install",
                                "--repo",
                                work.toString(),
                                "--launcher",
                                tmp.resolve("missing").toString());
        assertEquals(2, exit);
        assertTrue(err.toString().contains("is not an executable file"), err.toString());
        assertFalse(Files.exists(work.resolve(".git/hooks/pre-push")), "nothing installed");
        StringWriter err2 = new StringWriter();
        assertEquals(
                2,
                AkguardCommand.commandLine()
                        .setErr(new PrintWriter(err2, true))
                        .execute(
                                "hook", "pre-commit", "--repo", tmp.resolve("nowhere").toString()));
        assertTrue(err2.toString().contains("is not a directory"), err2.toString());
    }
}
