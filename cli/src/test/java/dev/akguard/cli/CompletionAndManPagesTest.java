package dev.akguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.cli.docs.ManPages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `akguard completion bash|zsh` (run in a real bash) and the man pages the build generates (checked
 * with groff).
 */
class CompletionAndManPagesTest {
    private static String run(Path dir, String... cmd) throws Exception {
        Process p =
                new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    @Test
    void bashCompletionCompletesSubcommandsAndOptions(@TempDir Path dir) throws Exception {
        CliRunner.Run r = CliRunner.run("completion", "bash");
        assertEquals(0, r.exit(), r.err());
        Files.writeString(dir.resolve("akguard.bash"), r.out());
        // Ask the generated function what bash would offer, as the shell does on TAB.
        String script =
                "source ./akguard.bash 2>/dev/null\n"
                        + "complete_for() { COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 )); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE};\n"
                        + "  _complete_akguard akguard \"${COMP_WORDS[$COMP_CWORD]}\" 2>/dev/null; echo \"${COMPREPLY[*]}\"; }\n"
                        + "complete_for akguard hook pre-re\n"
                        + "complete_for akguard hook install --gl\n"
                        + "complete_for akguard scan --exit-\n"
                        + "complete_for akguard base\n";
        Files.writeString(dir.resolve("t.sh"), script);
        List<String> lines = run(dir, "bash", "t.sh").lines().toList();
        assertEquals(
                List.of("pre-receive", "--global", "--exit-zero --exit-code", "baseline"), lines);
    }

    @Test
    void zshGetsAScriptThatLoadsBashcompinitAndABadShellIsAUsageError() {
        CliRunner.Run zsh = CliRunner.run("completion", "zsh");
        assertEquals(0, zsh.exit());
        assertTrue(
                zsh.out().contains("bashcompinit") && zsh.out().contains("_complete_akguard"),
                zsh.out().substring(0, 300));
        CliRunner.Run fish = CliRunner.run("completion", "fish");
        assertEquals(2, fish.exit());
        assertTrue(fish.err().contains("unknown shell 'fish'"), fish.err());
    }

    @Test
    void manPagesCoverEveryCommandAndFormatCleanly(@TempDir Path dir) throws Exception {
        List<Path> pages = ManPages.write(dir);
        for (String name :
                List.of(
                        "akguard.1",
                        "akguard-scan.1",
                        "akguard-hook-pre-receive.1",
                        "akguard-baseline-add.1",
                        "akguard-completion.1")) {
            assertTrue(Files.isRegularFile(dir.resolve(name)), name);
        }
        String scan = Files.readString(dir.resolve("akguard-scan.1"));
        assertTrue(scan.startsWith(".TH \"AKGUARD-SCAN\" 1"), scan);
        assertTrue(
                scan.contains("\\fB\\-\\-exit\\-zero\\fR"),
                "options come from the same model as --help");
        // groff with every warning on: a page with a stray control line or bad escape would warn.
        for (Path p : pages) {
            String warnings = run(dir, "groff", "-man", "-Tutf8", "-ww", "-z", p.toString());
            assertEquals("", warnings, p.getFileName() + ": " + warnings);
        }
        String rendered =
                run(
                        dir,
                        "groff",
                        "-man",
                        "-Tutf8",
                        dir.resolve("akguard-hook-pre-receive.1").toString());
        assertTrue(rendered.contains("quarantine"), rendered);
    }

    @Test
    void roffEscapingNeutralisesControlLines() {
        assertEquals("\\&.TH evil\n\\&'x", ManPages.esc(".TH evil\n'x"));
        assertEquals("a\\eb \\-\\- \\[u2026]", ManPages.esc("a\\b -- …"));
    }
}
