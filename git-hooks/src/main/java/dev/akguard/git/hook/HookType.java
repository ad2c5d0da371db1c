package dev.akguard.git.hook;

/** The git hooks akguard installs, with the akguard subcommand each one runs. */
public enum HookType {
    PRE_PUSH("pre-push", "hook pre-push", true),
    PRE_COMMIT("pre-commit", "hook pre-commit", false),
    /** Server side, in a bare repository; git feeds it {@code <old> <new> <ref>} lines. */
    PRE_RECEIVE("pre-receive", "hook pre-receive", true);

    private final String fileName;
    private final String command;
    private final boolean readsStdin;

    HookType(String fileName, String command, boolean readsStdin) {
        this.fileName = fileName;
        this.command = command;
        this.readsStdin = readsStdin;
    }

    public String fileName() {
        return fileName;
    }

    /** Arguments after the launcher. */
    public String command() {
        return command;
    }

    /** Git feeds this hook on stdin (one line per ref), so a chained hook needs its own copy. */
    public boolean readsStdin() {
        return readsStdin;
    }
}
