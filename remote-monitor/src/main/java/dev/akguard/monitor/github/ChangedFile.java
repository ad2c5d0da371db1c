package dev.akguard.monitor.github;

/**
 * One file of a compare or commit payload.
 *
 * @param status added, modified, removed, renamed, copied, changed
 * @param patch unified-diff hunks, or null (binary, or too large: GitHub omits it)
 * @param ref the commit whose version of the file the patch's new side shows
 */
public record ChangedFile(
        String path, String status, String patch, String rawUrl, String contentsUrl, String ref) {

    public boolean removed() {
        return "removed".equals(status);
    }
}
