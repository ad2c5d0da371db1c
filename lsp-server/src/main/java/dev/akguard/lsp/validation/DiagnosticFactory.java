package dev.akguard.lsp.validation;

import com.google.gson.JsonObject;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.report.TextReporter;
import dev.akguard.lsp.settings.ClientSettings;
import dev.akguard.lsp.settings.RuleSeverity;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Findings to LSP diagnostics. Each finding gives one diagnostic on the AccessKey ID and, when it
 * has a secret, a second one on the secret (and for STS credentials with their security token, a
 * third on the token), each pointing at the ID through relatedInformation and the ID at the others.
 * Messages name the other parts' lines and columns too, because not every client shows
 * relatedInformation. None carries the secret or the token: messages use the redacted forms and
 * {@code data} only the fingerprint.
 */
public final class DiagnosticFactory {
    public static final String SOURCE = "akguard";

    /** {@code data.part} of the diagnostic on the ID. */
    public static final String PART_ID = "id";

    /** {@code data.part} of the diagnostic on the secret. */
    public static final String PART_SECRET = "secret";

    /** {@code data.part} of the diagnostic on an STS security token. */
    public static final String PART_TOKEN = "token";

    private DiagnosticFactory() {}

    /** Null when the editor settings turn the finding's rule off. */
    public static DiagnosticSeverity severity(Finding f, ClientSettings settings) {
        RuleSeverity override = settings.severities().get(f.rule());
        return override == null ? RuleSeverity.of(f.severity()) : override.lsp();
    }

    public static List<Diagnostic> diagnostics(
            String uri, List<Finding> findings, ClientSettings settings) {
        List<Diagnostic> out = new ArrayList<>(findings.size() * 2);
        for (Finding f : findings) {
            DiagnosticSeverity sev = severity(f, settings);
            if (sev == null) continue;
            Range idRange = range(f.id());
            Diagnostic id = base(f, sev, idRange, PART_ID);
            id.setMessage(TextReporter.describe(f, false) + "\nFix: " + f.rule().remediation());
            out.add(id);
            if (f.secretPosition() == null) continue;
            Range secretRange = range(f.secretPosition());
            Range tokenRange = f.hasSecurityToken() ? range(f.securityTokenPosition()) : null;
            List<DiagnosticRelatedInformation> related = new ArrayList<>(2);
            related.add(
                    new DiagnosticRelatedInformation(
                            new Location(uri, secretRange),
                            "the secret of " + f.accessKeyId() + " (" + f.secretRedacted() + ")"));
            if (tokenRange != null)
                related.add(
                        new DiagnosticRelatedInformation(
                                new Location(uri, tokenRange),
                                "the security token of "
                                        + f.accessKeyId()
                                        + " ("
                                        + f.securityTokenRedacted()
                                        + ")"));
            id.setRelatedInformation(related);
            if (tokenRange != null
                    && !tokenRange.equals(idRange)
                    && !tokenRange.equals(secretRange)) {
                out.add(
                        pointingAtTheId(
                                f,
                                sev,
                                uri,
                                tokenRange,
                                idRange,
                                PART_TOKEN,
                                "Security token "
                                        + f.securityTokenRedacted()
                                        + " of STS credentials "));
            }
            if (secretRange.equals(idRange))
                continue; // both inside one encoded blob: one diagnostic says it all
            out.add(
                    pointingAtTheId(
                            f,
                            sev,
                            uri,
                            secretRange,
                            idRange,
                            PART_SECRET,
                            "Secret " + f.secretRedacted() + " of AccessKey "));
        }
        return out;
    }

    /** A diagnostic on a part of the credentials other than the ID, linked back to the ID. */
    private static Diagnostic pointingAtTheId(
            Finding f,
            DiagnosticSeverity sev,
            String uri,
            Range range,
            Range idRange,
            String part,
            String what) {
        Diagnostic d = base(f, sev, range, part);
        d.setMessage(
                what
                        + f.accessKeyId()
                        + " (ID at line "
                        + f.id().line()
                        + ", column "
                        + f.id().column()
                        + ")");
        d.setRelatedInformation(
                List.of(
                        new DiagnosticRelatedInformation(
                                new Location(uri, idRange),
                                "the AccessKey ID " + f.accessKeyId())));
        return d;
    }

    private static Diagnostic base(Finding f, DiagnosticSeverity sev, Range range, String part) {
        Diagnostic d = new Diagnostic();
        d.setRange(range);
        d.setSeverity(sev);
        d.setSource(SOURCE);
        d.setCode(Either.forLeft(f.ruleId()));
        d.setCodeDescription(new DiagnosticCodeDescription(f.rule().helpUri()));
        JsonObject data = new JsonObject();
        data.addProperty("fingerprint", f.fingerprint());
        data.addProperty("part", part);
        d.setData(data);
        return d;
    }

    /**
     * Engine positions are 1-based with UTF-16 columns and an exclusive end; LSP's are 0-based,
     * same units.
     */
    public static Range range(dev.akguard.core.finding.Position p) {
        return new Range(
                new Position(p.line() - 1, p.column() - 1),
                new Position(p.endLine() - 1, p.endColumn() - 1));
    }
}
