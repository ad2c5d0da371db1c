package dev.akguard.testkit.github;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Git's smart HTTP protocol (fetch side only) at {@code /OWNER/NAME.git}, served by JGit's own
 * {@link UploadPack} as its servlet does: {@code GET info/refs?service=git-upload-pack} advertises
 * the refs, {@code POST git-upload-pack} negotiates and streams the pack. Any git client (JGit, the
 * {@code git} binary) clones from it.
 */
final class GitSmartHttp {
    static final Pattern PATH =
            Pattern.compile("^/([^/]+)/([^/]+)\\.git/(info/refs|git-upload-pack)$");

    private final Function<String, EmulatedRepo> repos;

    GitSmartHttp(Function<String, EmulatedRepo> repos) {
        this.repos = repos;
    }

    /** True when the request was a git request and has been answered. */
    boolean handle(HttpExchange ex, String path, String query) throws IOException {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) return false;
        EmulatedRepo repo = repos.apply(m.group(1) + "/" + m.group(2));
        if (repo == null) {
            ex.sendResponseHeaders(404, -1);
            return true;
        }
        Repository git = repo.git().repository();
        if (m.group(3).equals("info/refs")) {
            if (query == null || !query.contains("service=git-upload-pack")) {
                ex.sendResponseHeaders(403, -1); // dumb protocol and pushes are not served
                return true;
            }
            ex.getResponseHeaders()
                    .set("Content-Type", "application/x-git-upload-pack-advertisement");
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                PacketLineOut pck = new PacketLineOut(out);
                pck.writeString("# service=git-upload-pack\n");
                pck.end();
                UploadPack up = new UploadPack(git);
                up.setBiDirectionalPipe(false);
                up.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(pck));
            }
            return true;
        }
        if (!"POST".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(405, -1);
            return true;
        }
        ex.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-result");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
        try (InputStream raw = ex.getRequestBody();
                InputStream in =
                        "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(raw) : raw;
                OutputStream out = ex.getResponseBody()) {
            UploadPack up = new UploadPack(git);
            up.setBiDirectionalPipe(false);
            up.upload(in, out, null);
        }
        return true;
    }
}
