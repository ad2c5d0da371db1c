package dev.akguard.core.finding;

/**
 * One detected credential. {@code id} is the span of the AccessKey ID (an identifier, safe to
 * show); {@code secret} and {@code secretPosition} are null for an ID without its secret.
 *
 * @param path path relative to the scan root, '/'-separated (for stdin: "-" or the name given)
 * @param encoding how the credential was written: "plain", or the encoding it was decoded from
 *     ("base64")
 */
public record Finding(
        Rule rule,
        Severity severity,
        String path,
        Position id,
        String accessKeyId,
        Position secretPosition,
        Secret secret,
        String encoding,
        GitInfo git) {

    public String ruleId() {
        return rule.id();
    }

    /**
     * Found in the printable strings of a binary file: line and column count the extracted strings,
     * so the byte offset ({@code id().offset()}) is what locates it in the file.
     */
    public boolean isBinary() {
        return "binary".equals(encoding);
    }

    public String secretRedacted() {
        return secret == null ? null : secret.redacted();
    }

    public String secretSha256() {
        return secret == null ? null : secret.sha256();
    }

    /**
     * Stable across moves, edits and commits: the rule plus a SHA-256 of the ID and secret. Never
     * contains the secret. Baselines are keyed by it.
     */
    public String fingerprint() {
        String material = secret == null ? accessKeyId : accessKeyId + ":" + secret.value();
        return rule.id() + ":" + Secret.sha256Hex(material);
    }

    public Finding withGit(GitInfo info) {
        return new Finding(
                rule, severity, path, id, accessKeyId, secretPosition, secret, encoding, info);
    }

    public Finding withPath(String newPath) {
        return new Finding(
                rule, severity, newPath, id, accessKeyId, secretPosition, secret, encoding, git);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(rule, s, path, id, accessKeyId, secretPosition, secret, encoding, git);
    }

    /**
     * Moves both spans by {@code lineDelta} lines (used when a caller scanned an excerpt of a
     * file).
     */
    public Finding shiftLines(int lineDelta) {
        if (lineDelta == 0) return this;
        return new Finding(
                rule,
                severity,
                path,
                id.withLine(id.line() + lineDelta),
                accessKeyId,
                secretPosition == null
                        ? null
                        : secretPosition.withLine(secretPosition.line() + lineDelta),
                secret,
                encoding,
                git);
    }

    @Override
    public String toString() {
        return rule.id()
                + " "
                + path
                + ":"
                + id
                + " "
                + accessKeyId
                + (secret == null ? "" : " secret " + secret.redacted());
    }
}
