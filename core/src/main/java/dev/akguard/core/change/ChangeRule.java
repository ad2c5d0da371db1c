package dev.akguard.core.change;

import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * What a change introduces, the one rule shared by the pre-push and pre-commit hooks, history and
 * clone scans, and the GitHub monitor: a finding in the new version of a file counts when its
 * AccessKey ID line or its secret line is among the lines the change adds relative to EVERY parent.
 * So a key added in one commit and removed in the next still counts for the first commit, a pair
 * completed by a change (ID old, secret new) counts, and a merge reports only what it adds itself
 * (a conflict resolution), not what its branches already brought.
 */
public final class ChangeRule {
    private ChangeRule() {}

    /** With the findings' own 1-based line numbers. */
    public static List<Finding> introduced(List<Finding> found, List<AddedLines> perParent) {
        return introduced(found, perParent, Position::line);
    }

    /**
     * @param perParent the added lines against each parent; an empty list means the file is new
     *     (root commit)
     * @param line the line number of a position, in the numbering the {@link AddedLines} use
     */
    public static List<Finding> introduced(
            List<Finding> found, List<AddedLines> perParent, ToIntFunction<Position> line) {
        List<Finding> out = new ArrayList<>(found.size());
        for (Finding f : found) if (isIntroduced(f, perParent, line)) out.add(f);
        return out;
    }

    public static boolean isIntroduced(
            Finding f, List<AddedLines> perParent, ToIntFunction<Position> line) {
        for (AddedLines a : perParent) {
            if (a.isAll()) continue;
            boolean idAdded = a.contains(line.applyAsInt(f.id()));
            boolean secretAdded =
                    f.secretPosition() != null && a.contains(line.applyAsInt(f.secretPosition()));
            if (!idAdded && !secretAdded) return false;
        }
        return true;
    }
}
