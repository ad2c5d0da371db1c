package dev.akguard.monitor.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PatchLinesTest {

    @Test
    void keepsHunksAtRealLineNumbers() {
        String patch =
                "@@ -1,3 +1,4 @@\n a\n+b\n c\n-d\n+e\n@@ -20,2 +21,3 @@ class X {\n u\n+v\n w\n";
        PatchLines p = PatchLines.parse(patch);
        assertFalse(p.truncated());
        assertEquals(2, p.hunks().size());
        assertEquals(1, p.hunks().get(0).start());
        assertEquals("a\nb\nc\ne", p.hunks().get(0).text());
        assertEquals(21, p.hunks().get(1).start());
        assertEquals("u\nv\nw", p.hunks().get(1).text());
        assertTrue(p.hunks().get(1).added()[1]);
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
        assertEquals("x\ny", p.hunks().get(0).text());
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

    @Test
    void aHunkAtAHugeLineNumberCostsNothing() {
        PatchLines p = PatchLines.parse("@@ -0,0 +1500000000,3 @@\n+a\n+b\n+c\n");
        assertFalse(p.truncated());
        assertTrue(p.isAdded(1_500_000_001));
        assertFalse(p.isAdded(1_499_999_999));
        assertEquals(1_500_000_000, p.hunks().get(0).start());
        assertTrue(
                PatchLines.parse("@@ -0,0 +99999999999,3 @@\n+a\n+b\n+c\n").truncated(),
                "beyond int: unreadable, fetch the file");
    }
}
