package dev.akguard.core.report;

import dev.akguard.core.finding.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * GitHub Actions workflow commands, one per finding, so findings show as annotations on the pull
 * request without code scanning: {@code ::error
 * file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message}. Everything that comes from the
 * scanned files (paths above all) is escaped by GitHub's rules, so no file name can end the command
 * early or start a command of its own on a new line.
 */
public final class GitHubReporter implements Reporter {
    @Override
    public void write(List<Finding> findings, ReportOptions options, Writer out)
            throws IOException {
        for (Finding f : findings) {
            StringBuilder s = new StringBuilder("::").append(command(f)).append(' ');
            s.append("file=").append(property(f.path()));
            s.append(",line=").append(f.id().line());
            s.append(",col=").append(f.id().column());
            s.append(",endLine=").append(f.id().endLine());
            s.append(",endColumn=").append(f.id().endColumn());
            s.append(",title=").append(property("akguard: " + f.rule().title()));
            s.append("::").append(message(message(f, options)));
            out.write(s.append('\n').toString());
        }
    }

    private static String command(Finding f) {
        return switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "notice";
        };
    }

    private static String message(Finding f, ReportOptions options) {
        StringBuilder m =
                new StringBuilder(f.ruleId())
                        .append(": ")
                        .append(TextReporter.describe(f, options.showSecrets()))
                        .append('.');
        String validity = options.validityOf(f);
        if (validity != null) m.append(" Validity: ").append(validity).append('.');
        if (f.git() != null)
            m.append(" Commit ")
                    .append(f.git().commit())
                    .append(" by ")
                    .append(f.git().author())
                    .append('.');
        m.append("\nFix: ")
                .append(f.rule().remediation())
                .append(".\nDocs: ")
                .append(f.rule().helpUri());
        return m.toString();
    }

    /** A command's data: GitHub decodes %25, %0D and %0A there. */
    static String message(String s) {
        return escape(s, false);
    }

    /** A property value: also ':' and ',' which would end the value. */
    static String property(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean property) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '%' -> b.append("%25");
                case '\r' -> b.append("%0D");
                case '\n' -> b.append("%0A");
                case ':' -> b.append(property ? "%3A" : ":");
                case ',' -> b.append(property ? "%2C" : ",");
                default -> {
                    // Other control characters have no escape in GitHub's rules; they would reach
                    // the job log raw.
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) b.append('\uFFFD');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }
}
