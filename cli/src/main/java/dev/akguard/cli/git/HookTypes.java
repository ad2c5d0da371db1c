package dev.akguard.cli.git;

import dev.akguard.git.hook.HookType;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine.Option;

/** `--pre-push` / `--pre-commit`, shared by install and uninstall. */
public final class HookTypes {
    @Option(
            names = "--pre-push",
            description = "The pre-push hook (the default when neither is given).")
    boolean prePush;

    @Option(names = "--pre-commit", description = "The pre-commit hook.")
    boolean preCommit;

    @Option(
            names = "--pre-receive",
            description =
                    "The server-side pre-receive hook, for a bare repository on a git server "
                            + "(the default in a bare repository).")
    boolean preReceive;

    /**
     * The hooks named on the command line; without any, the pre-push hook (install) or both client
     * hooks (uninstall) — and in a bare repository, where client hooks never run, the pre-receive
     * hook.
     */
    Set<HookType> selected(boolean defaultAll, boolean bare) {
        Set<HookType> s = EnumSet.noneOf(HookType.class);
        if (prePush) s.add(HookType.PRE_PUSH);
        if (preCommit) s.add(HookType.PRE_COMMIT);
        if (preReceive) s.add(HookType.PRE_RECEIVE);
        if (s.isEmpty()) {
            if (bare) s.add(HookType.PRE_RECEIVE);
            else if (defaultAll) s.addAll(EnumSet.of(HookType.PRE_PUSH, HookType.PRE_COMMIT));
            else s.add(HookType.PRE_PUSH);
        }
        return s;
    }
}
