package dev.akguard.monitor.watch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchLinesTest {

    @Test
    void rebuildsThePostImageAtRealLineNumbers() {
        String patch = "@@ -1,3 +1,4 @@\n a\n+b\n c\n-d\n+e\n@@ -20,2 +21,3 @@ class X {\n u\n+v\n w\n";
        PatchLines p = PatchLines.parse(patch);
        assertFalse(p.truncated());
        String[] lines = p.postImage().split("\n", -1);
        assertEquals("a", lines[0]);
        assertEquals("b", lines[1]);
        assertEquals("c", lines[2]);
        assertEquals("e", lines[3]);
        assertEquals("", lines[10], "lines the patch does not show are blank");
        assertEquals("u", lines[20]);
        assertEquals("v", lines[21]);
        assertEquals("w", lines[22]);
        assertTrue(p.isAdded(2));
        assertTrue(p.isAdded(4));
        assertTrue(p.isAdded(22));
        assertFalse(p.isAdded(1));
        assertFalse(p.isAdded(3));
        assertFalse(p.isAdded(21));
    }

    @Test
    void newFileAndNoNewlineMarker() {
        PatchLines p = PatchLines.parse("@@ -0,0 +1,2 @@\n+x\n+y\n\\ No newline at end of file\n");
        assertFalse(p.truncated());
        assertEquals("x\ny", p.postImage());
        assertTrue(p.isAdded(1) && p.isAdded(2));
    }

    @Test
    void detectsAPatchCutShort() {
        assertTrue(PatchLines.parse("@@ -1,3 +1,5 @@\n a\n+b\n").truncated());
        assertTrue(PatchLines.parse("@@ garbage\n+b\n").truncated());
    }

    @Test
    void deletionOnlyHasNoAddedLines() {
        PatchLines p = PatchLines.parse("@@ -1,2 +1 @@\n a\n-b\n");
        assertFalse(p.truncated());
        assertFalse(p.hasAddedLines());
    }
}
