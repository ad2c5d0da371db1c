package dev.akguard.monitor.watch;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.monitor.github.Change;
import dev.akguard.monitor.github.ChangedFile;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubNotFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Finds leaked pairs that a change introduced. With a patch, the engine scans the post-image rebuilt from it and
 * only findings whose ID or secret sits on an ADDED line count (context lines are scanned so a pair completed by
 * the change is seen). Without a usable patch (too large, truncated), the file's content at the commit is
 * fetched and scanned whole. Findings without a secret (an ID alone) are not leaks of a pair and are skipped.
 * The inline {@code akguard:ignore} marker is neutralised first: it lets a project accept a finding in its own
 * code, but a pair published on GitHub is leaked whatever its author wrote next to it.
 */
final class ChangeScanner {

    private static final Logger LOG = Logger.getLogger(ChangeScanner.class.getName());

    private final Engine engine;
    private final GitHubApi api;
    private final long maxFileBytes;

    ChangeScanner(Engine engine, GitHubApi api, long maxFileBytes) {
        this.engine = engine;
        this.api = api;
        this.maxFileBytes = maxFileBytes;
    }

    List<Leak> scan(String repo, Change change) throws InterruptedException {
        List<Leak> leaks = new ArrayList<>();
        for (ChangedFile file : change.files()) {
            if (file.removed() || file.path() == null) continue;
            PatchLines patch = file.patch() == null ? null : PatchLines.parse(file.patch());
            if (patch != null && !patch.truncated()) {
                if (!patch.hasAddedLines()) continue;
                for (Finding f : engine.scan(unsuppressed(patch.postImage()), file.path())) {
                    if (!isPair(f)) continue;
                    boolean introduced = patch.isAdded(f.id().line())
                            || (f.secretPosition() != null && patch.isAdded(f.secretPosition().line()));
                    if (introduced) leaks.add(new Leak(f, file.path(), f.id().line(), change.headSha()));
                }
            } else {
                byte[] content = fetch(repo, file);
                if (content == null) continue;
                for (Finding f : engine.scan(unsuppressed(content), file.path())) {
                    if (isPair(f)) leaks.add(new Leak(f, file.path(), f.id().line(), change.headSha()));
                }
            }
        }
        return leaks;
    }

    /** Same length as the marker, so line and column numbers do not move. */
    private static final String NEUTRAL_MARKER = "akguard_ignore";

    static String unsuppressed(String text) {
        return text.contains(Engine.IGNORE_MARKER) ? text.replace(Engine.IGNORE_MARKER, NEUTRAL_MARKER) : text;
    }

    static byte[] unsuppressed(byte[] content) {
        byte[] marker = Engine.IGNORE_MARKER.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] neutral = NEUTRAL_MARKER.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = null;
        outer:
        for (int i = 0; i + marker.length <= content.length; i++) {
            for (int j = 0; j < marker.length; j++) if (content[i + j] != marker[j]) continue outer;
            if (out == null) out = content.clone();
            System.arraycopy(neutral, 0, out, i, neutral.length);
        }
        return out == null ? content : out;
    }

    private boolean isPair(Finding f) {
        if (f.secret() != null) return true;
        LOG.fine(() -> "AccessKey ID without a secret (not an alert): " + f.accessKeyId() + " in " + f.path());
        return false;
    }

    private byte[] fetch(String repo, ChangedFile file) throws InterruptedException {
        try {
            byte[] content = file.contentsUrl() != null ? api.contentAt(file.contentsUrl()) : api.content(repo, file.path(), file.ref());
            if (content.length > maxFileBytes) {
                LOG.warning(() -> repo + "/" + file.path() + ": " + content.length + " bytes, over the " + maxFileBytes + "-byte limit; skipped");
                return null;
            }
            return content;
        } catch (GitHubNotFoundException e) {
            LOG.log(Level.FINE, repo + "/" + file.path() + " is gone: " + e.getMessage());
            return null;
        }
    }
}
