package dev.akguard.core.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.Position;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** A JSON array with one object per finding; the shape is documented in docs/output.md. */
public final class JsonReporter implements Reporter {
    @Override
    public void write(List<Finding> findings, ReportOptions options, Writer out)
            throws IOException {
        JsonArray arr = new JsonArray();
        for (Finding f : findings) {
            JsonObject o = toJson(f, options.showSecrets());
            String validity = options.validityOf(f);
            if (validity != null) o.addProperty("validity", validity);
            arr.add(o);
        }
        out.write(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(arr));
        out.write('\n');
    }

    public static JsonObject toJson(Finding f, boolean showSecrets) {
        JsonObject o = new JsonObject();
        o.addProperty("ruleId", f.ruleId());
        o.addProperty("severity", f.severity().label());
        o.addProperty("file", f.path());
        o.addProperty("line", f.id().line());
        o.addProperty("column", f.id().column());
        o.addProperty("endLine", f.id().endLine());
        o.addProperty("endColumn", f.id().endColumn());
        if (f.isBinary()) o.addProperty("byteOffset", f.id().offset());
        o.addProperty("accessKeyId", f.accessKeyId());
        if (f.secret() != null) {
            o.add("secretLocation", location(f.secretPosition(), f.isBinary()));
            o.addProperty("secretRedacted", f.secretRedacted());
            o.addProperty("secretSha256", f.secretSha256());
            if (showSecrets) o.addProperty("secret", f.secret().value());
        }
        if (f.hasSecurityToken()) {
            o.add("securityTokenLocation", location(f.securityTokenPosition(), f.isBinary()));
            o.addProperty("securityTokenRedacted", f.securityTokenRedacted());
            o.addProperty("securityTokenSha256", f.securityTokenSha256());
            if (showSecrets) o.addProperty("securityToken", f.securityToken().value());
        }
        o.addProperty("fingerprint", f.fingerprint());
        o.addProperty("encoding", f.encoding());
        if (f.git() != null) {
            o.addProperty("commit", f.git().commit());
            o.addProperty("author", f.git().author());
            o.addProperty("email", f.git().email());
            o.addProperty("date", f.git().date() == null ? null : f.git().date().toString());
        }
        return o;
    }

    private static JsonObject location(Position p, boolean binary) {
        JsonObject loc = new JsonObject();
        loc.addProperty("line", p.line());
        loc.addProperty("column", p.column());
        loc.addProperty("endLine", p.endLine());
        loc.addProperty("endColumn", p.endColumn());
        if (binary) loc.addProperty("byteOffset", p.offset());
        return loc;
    }
}
