package dev.akguard.core.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.Engine;
import dev.akguard.core.detect.TestKeys;
import dev.akguard.core.finding.Finding;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangeRuleTest {
    private final Random r = new Random(11);
    private final String id = TestKeys.id(r);
    private final String secret = TestKeys.secret(r);

    /** ID on line 2, secret on line 4. */
    private final List<Finding> pair =
            Engine.defaults()
                    .scan(
                            "# app\naccess_key_id: "
                                    + id
                                    + "\n# x\naccess_key_secret: "
                                    + secret
                                    + "\n",
                            "a.yml");

    private static AddedLines lines(int... ls) {
        AddedLines.Builder b = new AddedLines.Builder();
        for (int l : ls) b.add(l, l + 1);
        return b.build();
    }

    @Test
    void countsWhenTheIdOrTheSecretLineIsAdded() {
        assertEquals(1, pair.size());
        assertEquals(1, ChangeRule.introduced(pair, List.of(lines(2))).size(), "ID added");
        assertEquals(
                1,
                ChangeRule.introduced(pair, List.of(lines(4))).size(),
                "secret added: pair completed by the change");
        assertEquals(
                0,
                ChangeRule.introduced(pair, List.of(lines(1, 3))).size(),
                "only other lines added");
        assertEquals(
                1, ChangeRule.introduced(pair, List.of()).size(), "root commit: everything is new");
        assertEquals(1, ChangeRule.introduced(pair, List.of(AddedLines.ALL)).size(), "new file");
    }

    @Test
    void aMergeReportsOnlyWhatIsNewToEveryParent() {
        assertEquals(
                0,
                ChangeRule.introduced(pair, List.of(lines(2), AddedLines.NONE)).size(),
                "one parent already had it");
        assertEquals(
                1,
                ChangeRule.introduced(pair, List.of(lines(2), lines(4))).size(),
                "new to both (a conflict resolution)");
    }

    @Test
    void rangesAreSparseAndMerged() {
        AddedLines far = new AddedLines.Builder().add(1_500_000_000, 1_500_000_003).build();
        assertTrue(far.contains(1_500_000_002));
        assertFalse(far.contains(1_500_000_003));
        assertFalse(far.contains(7));
        AddedLines merged = new AddedLines.Builder().add(1, 3).add(3, 5).add(9, 10).build();
        assertTrue(merged.contains(4));
        assertFalse(merged.contains(5));
        BitSet bits = new BitSet();
        bits.set(3, 6);
        bits.set(8);
        AddedLines fromBits = AddedLines.of(bits);
        assertTrue(fromBits.contains(5) && fromBits.contains(8));
        assertFalse(fromBits.contains(6) || fromBits.contains(2));
    }

    @Test
    void engineCanDisregardInlineIgnoreMarkers() {
        String text =
                "access_key_id: " + id + " # akguard:ignore\naccess_key_secret: " + secret + "\n";
        assertEquals(0, Engine.defaults().scan(text, "a.yml").size());
        Engine monitor = Engine.defaults().ignoringInlineMarkers();
        assertEquals(1, monitor.scan(text, "a.yml").size());
        assertEquals(
                1,
                monitor.withoutBaseline().scan(text, "a.yml").size(),
                "the switch survives derived engines");
    }
}
