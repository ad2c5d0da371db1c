package dev.akguard.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.git.hook.GlobalHooks;
import dev.akguard.git.hook.HookScript;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The global forwarders cover every hook git runs from the hooks folder, once each; end to end in
 * the cli tests.
 */
class GlobalHooksScriptTest {
    @Test
    void everyHookGitRunsHasOneForwarder() {
        List<String> hooks = GlobalHooks.GIT_HOOKS;
        assertEquals(hooks.size(), new HashSet<>(hooks).size());
        for (String h :
                List.of(
                        "pre-commit",
                        "pre-push",
                        "commit-msg",
                        "post-checkout",
                        "pre-rebase",
                        "post-merge",
                        "reference-transaction")) {
            assertTrue(hooks.contains(h), h);
        }
        assertFalse(
                hooks.contains("fsmonitor-watchman"),
                "git runs that one by path, not from the hooks folder");
        assertTrue(HookScript.MARKER.startsWith("#"));
    }
}
