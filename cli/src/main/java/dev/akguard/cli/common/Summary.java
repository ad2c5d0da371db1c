package dev.akguard.cli.common;

import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.Rule;
import dev.akguard.core.source.Skip;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The closing lines on stderr: what was found, what was read, and what was skipped and why. */
public final class Summary {
    private static final int SKIPS_SHOWN_PER_REASON = 5;

    private Summary() {}

    public static String findings(List<Finding> findings) {
        if (findings.isEmpty()) return "no AccessKeys found";
        Map<Rule, Long> byRule = new EnumMap<>(Rule.class);
        for (Finding f : findings) byRule.merge(f.rule(), 1L, Long::sum);
        String parts =
                byRule.entrySet().stream()
                        .map(
                                e ->
                                        e.getValue()
                                                + " "
                                                + switch (e.getKey()) {
                                                    case ACCESS_KEY_PAIR ->
                                                            e.getValue() == 1
                                                                    ? "AccessKey pair"
                                                                    : "AccessKey pairs";
                                                    case ACCESS_KEY_ID ->
                                                            e.getValue() == 1
                                                                    ? "AccessKey ID without secret"
                                                                    : "AccessKey IDs without secret";
                                                    case STS_CREDENTIALS -> "STS credentials";
                                                })
                        .collect(Collectors.joining(", "));
        return findings.size() + (findings.size() == 1 ? " finding: " : " findings: ") + parts;
    }

    public static void printSkips(List<Skip> skips, boolean verbose, PrintWriter err) {
        Map<Skip.Reason, List<Skip>> byReason =
                skips.stream()
                        .collect(
                                Collectors.groupingBy(
                                        Skip::reason,
                                        () -> new EnumMap<>(Skip.Reason.class),
                                        Collectors.toList()));
        for (var e : byReason.entrySet()) {
            List<Skip> list = e.getValue();
            err.println(
                    "akguard: skipped "
                            + list.size()
                            + (list.size() == 1 ? " path" : " paths")
                            + ": "
                            + e.getKey().text()
                            + hint(e.getKey()));
            int shown = verbose ? list.size() : Math.min(SKIPS_SHOWN_PER_REASON, list.size());
            for (int i = 0; i < shown; i++) {
                Skip s = list.get(i);
                err.println(
                        "    "
                                + dev.akguard.core.text.Untrusted.inline(
                                        s.path()
                                                + (s.detail() == null
                                                        ? ""
                                                        : " (" + s.detail() + ")")));
            }
            if (shown < list.size())
                err.println(
                        "    … and " + (list.size() - shown) + " more (--verbose lists them all)");
        }
    }

    private static String hint(Skip.Reason r) {
        return switch (r) {
            case TOO_LARGE -> "; raise --max-file-size to scan them";
            case UNREADABLE -> "; check permissions";
            case ARCHIVE_LIMIT -> "; raise --archive-max-size to scan all of it";
            case ARCHIVE_DEPTH -> "; raise --archive-depth to open them";
            default -> "";
        };
    }

    public static String size(long bytes) {
        return dev.akguard.core.report.ByteSize.format(bytes);
    }
}
