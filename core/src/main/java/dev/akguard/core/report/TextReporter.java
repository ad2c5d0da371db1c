package dev.akguard.core.report;

import dev.akguard.core.finding.Finding;
import dev.akguard.core.text.Untrusted;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One block per finding. File names, authors and e-mails come from the scanned tree or history,
 * i.e. from whoever wrote it: they are printed through {@link Untrusted} so they can neither drive
 * the terminal nor forge a line. Compiler style so editors and terminals can jump to it:
 *
 * <pre>
 * src/App.java:12:25: error: alibaba-access-key-pair: AccessKey pair LTAI… with its secret at 13:27 (Abc…)
 *     fix: disable and rotate this key in the RAM console now, …
 *     docs: docs/rules/alibaba-access-key-pair.md
 * </pre>
 */
public final class TextReporter implements Reporter {
    @Override
    public void write(List<Finding> findings, ReportOptions options, Writer out)
            throws IOException {
        for (Finding f : findings) {
            out.write(
                    Untrusted.inline(f.path())
                            + ":"
                            + f.id().line()
                            + ":"
                            + f.id().column()
                            + ": "
                            + f.severity().label()
                            + ": "
                            + f.ruleId()
                            + ": ");
            out.write(describe(f, options.showSecrets()));
            out.write('\n');
            if (f.git() != null) {
                out.write(
                        Untrusted.inline(
                                        "    commit "
                                                + f.git().commit()
                                                + " by "
                                                + f.git().author()
                                                + (f.git().email() == null
                                                        ? ""
                                                        : " <" + f.git().email() + ">")
                                                + (f.git().date() == null
                                                        ? ""
                                                        : " on " + f.git().date()))
                                + "\n");
            }
            String validity = options.validityOf(f);
            if (validity != null)
                out.write("    validity: " + validity + " (checked with STS GetCallerIdentity)\n");
            out.write("    fix: " + f.rule().remediation() + "\n");
            out.write("    docs: " + f.rule().docPath() + "\n");
        }
    }

    /** The message shared by every output (text, SARIF, editor diagnostics). */
    public static String describe(Finding f, boolean showSecrets) {
        String enc =
                "plain".equals(f.encoding())
                        ? ""
                        : " ("
                                + f.encoding()
                                + "-encoded"
                                + (f.isBinary() ? ", byte offset " + f.id().offset() : "")
                                + ")";
        String secret =
                f.secret() == null ? null : showSecrets ? f.secret().value() : f.secretRedacted();
        return switch (f.rule()) {
            case ACCESS_KEY_PAIR ->
                    "AccessKey pair "
                            + f.accessKeyId()
                            + " with its secret "
                            + secret
                            + " at line "
                            + f.secretPosition().line()
                            + ", column "
                            + f.secretPosition().column()
                            + enc;
            case ACCESS_KEY_ID ->
                    "AccessKey ID " + f.accessKeyId() + " (no secret found near it)" + enc;
            case STS_CREDENTIALS ->
                    "STS credentials "
                            + f.accessKeyId()
                            + (f.hasSecurityToken() ? " with secret " : " with secret or token ")
                            + secret
                            + " at line "
                            + f.secretPosition().line()
                            + ", column "
                            + f.secretPosition().column()
                            + securityToken(f, showSecrets)
                            + enc;
        };
    }

    /**
     * " and security token CAI… at line L, column C" for STS credentials found with their token;
     * else empty.
     */
    static String securityToken(Finding f, boolean showSecrets) {
        if (!f.hasSecurityToken()) return "";
        return " and security token "
                + (showSecrets ? f.securityToken().value() : f.securityTokenRedacted())
                + " at line "
                + f.securityTokenPosition().line()
                + ", column "
                + f.securityTokenPosition().column();
    }
}
