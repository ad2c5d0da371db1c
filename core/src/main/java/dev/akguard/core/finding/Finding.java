package dev.akguard.core.finding;

/**
 * One detected credential. {@code id} is the span of the AccessKey ID (an identifier, safe to
 * show); {@code secret} and {@code secretPosition} are null for an ID without its secret. {@code
 * securityToken} and {@code securityTokenPosition} are the third part of STS credentials, their
 * security token ({@code CAIS…}/{@code CAES…}), when one was found with the ID and secret; null
 * otherwise (always for RAM user keys, and for STS credentials found with a token but no secret,
 * where the token itself is reported as {@code secret}, as it always was). The token is a secret:
 * reporters show it redacted unless asked for secrets, and it is not part of {@link
 * #fingerprint()}.
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
        Position securityTokenPosition,
        Secret securityToken,
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

    public boolean hasSecurityToken() {
        return securityToken != null;
    }

    public String securityTokenRedacted() {
        return securityToken == null ? null : securityToken.redacted();
    }

    public String securityTokenSha256() {
        return securityToken == null ? null : securityToken.sha256();
    }

    /**
     * Stable across moves, edits and commits: the rule plus a SHA-256 of the ID and secret. Never
     * contains the secret. Baselines are keyed by it. The security token is left out on purpose: it
     * does not change which credentials leaked, and baselines written before it was attached keep
     * matching.
     */
    public String fingerprint() {
        String material = secret == null ? accessKeyId : accessKeyId + ":" + secret.value();
        return rule.id() + ":" + Secret.sha256Hex(material);
    }

    public Finding withGit(GitInfo info) {
        return with(severity, path, 0, info);
    }

    public Finding withPath(String newPath) {
        return with(severity, newPath, 0, git);
    }

    public Finding withSeverity(Severity s) {
        return with(s, path, 0, git);
    }

    /**
     * Moves every span (ID, secret, token) by {@code lineDelta} lines (used when a caller scanned
     * an excerpt of a file).
     */
    public Finding shiftLines(int lineDelta) {
        return lineDelta == 0 ? this : with(severity, path, lineDelta, git);
    }

    private Finding with(Severity s, String newPath, int lineDelta, GitInfo info) {
        return new Finding(
                rule,
                s,
                newPath,
                shift(id, lineDelta),
                accessKeyId,
                shift(secretPosition, lineDelta),
                secret,
                shift(securityTokenPosition, lineDelta),
                securityToken,
                encoding,
                info);
    }

    private static Position shift(Position p, int lineDelta) {
        return p == null || lineDelta == 0 ? p : p.withLine(p.line() + lineDelta);
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
                + (secret == null ? "" : " secret " + secret.redacted())
                + (securityToken == null ? "" : " token " + securityToken.redacted());
    }
}
