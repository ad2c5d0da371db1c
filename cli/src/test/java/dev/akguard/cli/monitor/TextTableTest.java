package dev.akguard.cli.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.text.DisplayWidth;
import dev.akguard.core.text.Untrusted;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextTableTest {
    private static String render(TextTable t) {
        StringWriter w = new StringWriter();
        t.print(new PrintWriter(w, true));
        return w.toString();
    }

    @Test
    void cjkCellsKeepColumnsAligned() {
        String out =
                render(
                        new TextTable("REPO", "AUTHOR", "LINE")
                                .row("acme/shop", "张伟", 3)
                                .row("acme/app", "alice", 12));
        String[] lines = out.split("\n");
        int col = lines[0].indexOf("LINE");
        for (String l : lines) {
            String before = l.substring(0, l.lastIndexOf(' ') + 1);
            assertEquals(
                    col,
                    DisplayWidth.of(before),
                    "third column starts at the same terminal column: " + out);
        }
    }

    @Test
    void controlSequencesAndNewlinesInCellsAreEscaped() {
        String out =
                render(
                        new TextTable("PATH", "AUTHOR")
                                .row(
                                        "deploy/\u001b[2J\nFile: fake.yml",
                                        "mallory\u001b]0;title\u0007"));
        assertEquals(2, out.split("\n").length, out);
        assertTrue(out.contains("deploy/\\e[2J\\nFile: fake.yml  mallory\\e]0;title\\x07"), out);
    }

    /**
     * Fuzz: random bytes in every cell never put a raw control character on the terminal, and never
     * add a row.
     */
    @Test
    void fuzzedCellsStayInert() {
        Random r = new Random(31);
        for (int i = 0; i < 2_000; i++) {
            TextTable t = new TextTable("A", "B", "C");
            for (int row = 0; row < 3; row++) t.row(random(r), random(r), random(r));
            String out = render(t);
            assertEquals(4, out.split("\n", -1).length - 1, out);
            for (char c : out.toCharArray())
                assertFalse(
                        c != '\n' && Untrusted.needsEscape(c), "raw U+" + Integer.toHexString(c));
        }
    }

    private static String random(Random r) {
        byte[] b = new byte[r.nextInt(20)];
        r.nextBytes(b);
        return r.nextBoolean()
                ? new String(b, StandardCharsets.UTF_8)
                : new String(b, StandardCharsets.ISO_8859_1) + "\u2067";
    }
}
