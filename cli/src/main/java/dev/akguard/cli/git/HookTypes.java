package dev.akguard.cli.git;

import dev.akguard.git.hook.HookType;
import picocli.CommandLine.Option;

import java.util.EnumSet;
import java.util.Set;

/** `--pre-push` / `--pre-commit`, shared by install and uninstall. */
public final class HookTypes {
    @Option(names = "--pre-push", description = "The pre-push hook (the default when neither is given).")
    boolean prePush;

    @Option(names = "--pre-commit", description = "The pre-commit hook.")
    boolean preCommit;

    Set<HookType> selected(boolean defaultAll) {
        Set<HookType> s = EnumSet.noneOf(HookType.class);
        if (prePush) s.add(HookType.PRE_PUSH);
        if (preCommit) s.add(HookType.PRE_COMMIT);
        if (s.isEmpty()) {
            if (defaultAll) s.addAll(EnumSet.allOf(HookType.class));
            else s.add(HookType.PRE_PUSH);
        }
        return s;
    }
}
