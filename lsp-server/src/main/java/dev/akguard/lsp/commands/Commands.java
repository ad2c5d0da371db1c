package dev.akguard.lsp.commands;

import java.util.List;

/**
 * The workspace/executeCommand commands the server offers (a public contract: editor extensions
 * bind to them).
 */
public final class Commands {
    /** Arguments: document URI, finding fingerprint. Writes the project's baseline file. */
    public static final String ADD_TO_BASELINE = "akguard.addToBaseline";

    /** Arguments: rule id. Asks the client to open the rule's documentation in a browser. */
    public static final String OPEN_RULE_DOC = "akguard.openRuleDoc";

    public static final List<String> ALL = List.of(ADD_TO_BASELINE, OPEN_RULE_DOC);

    private Commands() {}
}
