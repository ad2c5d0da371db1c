package dev.akguard.git.hook;

import java.nio.file.Path;

/**
 * The shell script akguard installs. It calls the launcher by absolute path (hooks run with a
 * minimal PATH in GUI clients), runs a chained pre-existing hook first, and fails closed with
 * instructions when the launcher has gone missing. Kept to POSIX sh so it runs under git for
 * Windows' sh too.
 */
public final class HookScript {
    /**
     * First-line marker that identifies our scripts; never change it, uninstall and reinstall look
     * for it.
     */
    public static final String MARKER = "# akguard-hook:";

    /** Suffix of a pre-existing hook that ours calls first. */
    public static final String CHAINED_SUFFIX = ".local";

    private HookScript() {}

    public static String render(HookType type, Path launcher) {
        String hook = type.fileName();
        String l = quote(launcher.toAbsolutePath().normalize().toString());
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n");
        s.append(MARKER).append(' ').append(hook).append(" v1\n");
        s.append("# Installed by `akguard hook install`; remove with `akguard hook uninstall`.\n");
        if (type == HookType.PRE_RECEIVE) {
            s.append(
                    "# Server side: refuses pushes whose new commits add Alibaba Cloud AccessKeys.\n");
        } else {
            s.append(
                            "# Blocks commits and pushes that add Alibaba Cloud AccessKeys. Bypass once: git ")
                    .append(type == HookType.PRE_PUSH ? "push" : "commit")
                    .append(" --no-verify\n");
        }
        s.append("# A hook that was here before is kept as ")
                .append(hook)
                .append(CHAINED_SUFFIX)
                .append(" and runs first.\n");
        s.append("AKGUARD=").append(l).append('\n');
        s.append("if [ ! -x \"$AKGUARD\" ]; then\n");
        s.append(
                "  echo \"akguard: launcher $AKGUARD not found; reinstall with 'akguard hook install', remove this hook with \"\\\n");
        s.append("\"'akguard hook uninstall', or bypass once with --no-verify\" >&2\n");
        s.append("  exit 1\n");
        s.append("fi\n");
        // Parameter expansion rather than $(dirname "$0"): no extra process on every push.
        s.append("case \"$0\" in */*) HOOK_DIR=\"${0%/*}\" ;; *) HOOK_DIR=. ;; esac\n");
        s.append("CHAINED=\"$HOOK_DIR/").append(hook).append(CHAINED_SUFFIX).append("\"\n");
        s.append("if [ -x \"$CHAINED\" ]; then\n");
        if (type.readsStdin()) {
            // git writes the ref list once; both hooks need all of it, so keep a copy.
            s.append("  input=$(mktemp \"${TMPDIR:-/tmp}/akguard-")
                    .append(hook)
                    .append(".XXXXXX\") || exit 1\n");
            s.append("  cat > \"$input\"\n");
            s.append("  status=0\n");
            s.append("  \"$CHAINED\" \"$@\" < \"$input\" || status=$?\n");
            s.append("  if [ \"$status\" -eq 0 ]; then \"$AKGUARD\" ")
                    .append(type.command())
                    .append(" \"$@\" < \"$input\" || status=$?; fi\n");
            s.append("  rm -f \"$input\"\n");
            s.append("  exit \"$status\"\n");
        } else {
            s.append("  \"$CHAINED\" \"$@\" || exit $?\n");
        }
        s.append("fi\n");
        s.append("exec \"$AKGUARD\" ").append(type.command()).append(" \"$@\"\n");
        return s.toString();
    }

    /**
     * Our scripts carry the marker on their second line; look a little further in case a tool added
     * a line.
     */
    public static boolean isOurs(String content) {
        return content.lines().limit(5).anyMatch(line -> line.startsWith(MARKER));
    }

    /** Single-quotes for sh: 'it'\''s'. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
