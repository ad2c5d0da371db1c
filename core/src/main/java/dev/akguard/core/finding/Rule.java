package dev.akguard.core.finding;

import java.util.Arrays;
import java.util.Optional;

/**
 * The detection rules. Ids are a public contract (SARIF ruleId, baseline fingerprints, LSP
 * diagnostic codes).
 */
public enum Rule {
    ACCESS_KEY_PAIR(
            "alibaba-access-key-pair",
            "AlibabaCloudAccessKeyPair",
            Severity.ERROR,
            "Alibaba Cloud AccessKey pair (ID and secret)",
            "An AccessKey ID and its secret are both present: anyone who reads this can act as the key's owner."),
    ACCESS_KEY_ID(
            "alibaba-access-key-id",
            "AlibabaCloudAccessKeyId",
            Severity.WARNING,
            "Alibaba Cloud AccessKey ID without its secret",
            "An AccessKey ID is present. Alone it cannot sign requests, but it names a credential and often travels with its secret."),
    STS_CREDENTIALS(
            "alibaba-sts-credentials",
            "AlibabaCloudStsCredentials",
            Severity.ERROR,
            "Alibaba Cloud STS temporary credentials",
            "An STS AccessKey ID with its secret or security token: usable until the token expires.");

    /** Where the rule pages live, relative to the repository root; also the base of help URIs. */
    public static final String DOCS_BASE =
            "https://github.com/akguard/akguard/blob/main/docs/rules/";

    private final String id;
    private final String sarifName;
    private final Severity defaultSeverity;
    private final String title;
    private final String description;

    Rule(String id, String sarifName, Severity defaultSeverity, String title, String description) {
        this.id = id;
        this.sarifName = sarifName;
        this.defaultSeverity = defaultSeverity;
        this.title = title;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String sarifName() {
        return sarifName;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String docPath() {
        return "docs/rules/" + id + ".md";
    }

    public String helpUri() {
        return DOCS_BASE + id + ".md";
    }

    /** One line on what to do, for text output and editor messages. */
    public String remediation() {
        return switch (this) {
            case ACCESS_KEY_PAIR ->
                    "disable and rotate this key in the RAM console now, then read credentials from the environment "
                            + "(ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET) or use a RAM role with STS";
            case ACCESS_KEY_ID ->
                    "check that the secret is not elsewhere; prefer environment variables or the default credential chain";
            case STS_CREDENTIALS ->
                    "revoke the role session if it has not expired and stop committing temporary credentials";
        };
    }

    public static Optional<Rule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }
}
