package dev.akguard.cli.git;

import dev.akguard.git.hook.GlobalHooks;
import dev.akguard.git.hook.HookInstaller;
import dev.akguard.git.hook.HookType;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `akguard hook uninstall [--pre-push] [--pre-commit] [--repo DIR]`. */
@Command(
        name = "uninstall",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Remove akguard's git hooks (both, unless one is named) and put back any hook they chained.",
            "Hooks that akguard did not install are left alone.",
            ""
        })
public final class HookUninstallCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin HookTypes types;

    @Mixin RepoOption repoOption;

    @picocli.CommandLine.Option(
            names = "--global",
            description =
                    "Remove the global hooks and restore the previous core.hooksPath (or unset it).")
    boolean global;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (global) {
            GlobalHooks hooks =
                    new GlobalHooks(GlobalHooks.defaultDir(RepoOption.home()), RepoOption.home());
            GlobalHooks.Result r = hooks.uninstall();
            if (!r.configChanged()) {
                out.println(
                        "akguard: global hooks not installed"
                                + (r.previous() == null
                                        ? ""
                                        : " (core.hooksPath is " + r.previous() + ", left alone)"));
            } else {
                out.println(
                        "akguard: global hooks removed; core.hooksPath "
                                + (r.previous() == null ? "unset" : "restored to " + r.previous()));
            }
            out.flush();
            return 0;
        }
        try (Repository repo = repoOption.open()) {
            HookInstaller installer = new HookInstaller(repo);
            for (HookType t : types.selected(true, repo.isBare())) {
                HookInstaller.Outcome o = installer.uninstall(t);
                switch (o.action()) {
                    case REMOVED ->
                            out.println(
                                    "akguard: "
                                            + t.fileName()
                                            + " hook removed: "
                                            + o.hook()
                                            + (o.chained() == null
                                                    ? ""
                                                    : " (your previous hook is back in place)"));
                    case NOT_OURS ->
                            out.println(
                                    "akguard: "
                                            + o.hook()
                                            + " was not installed by akguard; left alone");
                    default -> out.println("akguard: no " + t.fileName() + " hook installed");
                }
            }
        }
        out.flush();
        return 0;
    }
}
