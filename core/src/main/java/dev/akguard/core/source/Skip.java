package dev.akguard.core.source;

/**
 * A path the scan did not read, and why; reported so a user never mistakes "skipped" for "clean".
 */
public record Skip(String path, Reason reason, String detail) {
    public enum Reason {
        ARCHIVE_LIMIT("archive expands past --archive-max-size"),
        ARCHIVE_DEPTH("archive nested deeper than --archive-depth"),
        TOO_LARGE("larger than --max-file-size"),
        UNREADABLE("cannot be read"),
        SPECIAL("not a regular file (FIFO, socket or device)"),
        SYMLINK("symbolic link not followed (use --follow-symlinks)"),
        SYMLINK_LOOP("symbolic link loop"),
        MISSING("does not exist");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    @Override
    public String toString() {
        return path + ": " + reason.text() + (detail == null ? "" : " (" + detail + ")");
    }
}
