package dev.akguard.core.finding;

/**
 * A span of text. Lines and columns are 1-based; columns count UTF-16 code units (what SARIF and
 * LSP use); the end is exclusive. Offsets are byte offsets into the scanned content.
 */
public record Position(
        int line, int column, int endLine, int endColumn, long offset, long endOffset) {

    public Position withLine(int newLine) {
        return new Position(
                newLine, column, newLine + (endLine - line), endColumn, offset, endOffset);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
