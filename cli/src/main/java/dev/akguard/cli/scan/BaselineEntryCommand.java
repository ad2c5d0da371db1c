package dev.akguard.cli.scan;

import dev.akguard.cli.common.UserException;
import dev.akguard.core.suppress.Baseline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `akguard baseline add|remove FINGERPRINT`: accept or un-accept one finding without re-baselining
 * everything.
 */
final class BaselineEntryCommand {
    private BaselineEntryCommand() {}

    abstract static class Base implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(
                index = "0",
                paramLabel = "FINGERPRINT",
                description =
                        "The finding's fingerprint: the `fingerprint` field of --format json, or SARIF's partialFingerprints.")
        String fingerprint;

        @Option(
                names = "--baseline",
                paramLabel = "FILE",
                description = "The baseline file (default: ./.akguard-baseline.json).")
        Path file = Path.of(Baseline.FILE_NAME);

        Baseline current() {
            return Files.isRegularFile(file) ? Baseline.load(file) : Baseline.EMPTY;
        }

        void checkFingerprint() {
            if (!Baseline.isFingerprint(fingerprint)) {
                throw new UserException(
                        "'"
                                + fingerprint
                                + "' is not an akguard fingerprint: expected <rule id>:<64 hex digits>, "
                                + "as in the `fingerprint` field of `akguard scan --format json`");
            }
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Accept one finding: add its fingerprint to the baseline (creating the file if needed).",
                ""
            },
            footer = {
                "",
                "Example:",
                "  akguard scan -f json | jq -r '.[].fingerprint'",
                "  akguard baseline add alibaba-access-key-pair:3f1c… --note \"test fixture, key revoked\""
            })
    static final class Add extends Base {
        @Option(
                names = "--note",
                paramLabel = "TEXT",
                description = "Why this finding is accepted (stored with the entry).")
        String note;

        @Override
        public Integer call() throws Exception {
            checkFingerprint();
            Baseline before = current();
            boolean had = before.containsFingerprint(fingerprint);
            Baseline next = before.withFingerprint(fingerprint, note);
            next.save(file);
            spec.commandLine()
                    .getErr()
                    .printf(
                            "akguard: %s %s in %s (%d %s)%n",
                            had ? "already accepted:" : "accepted",
                            fingerprint,
                            file,
                            next.size(),
                            next.size() == 1 ? "entry" : "entries");
            return 0;
        }
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Un-accept one finding: remove its fingerprint from the baseline, so it is reported again.",
                ""
            })
    static final class Remove extends Base {
        @Override
        public Integer call() throws Exception {
            checkFingerprint();
            if (!Files.isRegularFile(file))
                throw new UserException("no baseline at " + file + " (pass --baseline FILE)");
            Baseline before = current();
            if (!before.containsFingerprint(fingerprint)) {
                throw new UserException(fingerprint + " is not in " + file + "; nothing removed");
            }
            Baseline next = before.withoutFingerprint(fingerprint);
            next.save(file);
            spec.commandLine()
                    .getErr()
                    .printf(
                            "akguard: removed %s from %s (%d %s left)%n",
                            fingerprint, file, next.size(), next.size() == 1 ? "entry" : "entries");
            return 0;
        }
    }
}
