package dev.akguard.cli.git;

import dev.akguard.cli.common.UserException;
import dev.akguard.git.hook.GlobalHooks;
import dev.akguard.git.hook.HookInstaller;
import dev.akguard.git.hook.HookType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `akguard hook install [--pre-push] [--pre-commit] [--pre-receive] [--repo DIR | --global]`. */
@Command(
        name = "install",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Install akguard's git hooks (pre-push by default; pre-receive in a bare repository) in a repository.",
            "Honours core.hooksPath and worktrees. A hook that is already there is kept",
            "as <hook>.local and runs first. Installing again is harmless.",
            "The hook calls the akguard launcher by absolute path.",
            ""
        })
public final class HookInstallCommand implements Callable<Integer> {
    /** Set by bin/akguard to its own absolute path, so hooks call the same installation. */
    public static final String LAUNCHER_PROPERTY = "akguard.launcher";

    @Spec CommandSpec spec;

    @Mixin HookTypes types;

    @Mixin RepoOption repoOption;

    @Option(
            names = "--launcher",
            paramLabel = "FILE",
            description =
                    "The akguard launcher the hook runs (default: the launcher running this command).")
    Path launcher;

    @Option(
            names = "--global",
            description =
                    "Protect every repository of this user: set core.hooksPath in the global git "
                            + "config to akguard's hooks folder (~/.akguard/hooks), whose hooks also run each repository's own hooks.")
    boolean global;

    @Option(
            names = "--no-warm-up",
            description =
                    "Do not run the hook once after installing (that run creates the class-data archive that makes the hook start fast).")
    boolean noWarmUp;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Path exe = launcher();
        if (global) return installGlobal(out, exe);
        try (Repository repo = repoOption.open()) {
            HookInstaller installer = new HookInstaller(repo);
            java.util.Set<HookType> selected = types.selected(false, repo.isBare());
            for (HookType t : selected) {
                HookInstaller.Outcome o = installer.install(t, exe);
                String what =
                        switch (o.action()) {
                            case INSTALLED -> "installed";
                            case UPDATED -> "updated";
                            default -> "already installed";
                        };
                out.println("akguard: " + t.fileName() + " hook " + what + ": " + o.hook());
                if (o.chained() != null)
                    out.println(
                            "akguard:   it runs your existing hook first, now at " + o.chained());
            }
            out.flush();
            if (!noWarmUp) {
                warmUp(
                        repo,
                        exe,
                        selected.contains(HookType.PRE_PUSH)
                                ? HookType.PRE_PUSH
                                : selected.contains(HookType.PRE_COMMIT)
                                        ? HookType.PRE_COMMIT
                                        : HookType.PRE_RECEIVE);
            }
        }
        return 0;
    }

    private int installGlobal(PrintWriter out, Path exe) {
        if (types.preReceive)
            throw new UserException(
                    "--global is for client hooks; install --pre-receive into each server repository with --repo");
        GlobalHooks hooks =
                new GlobalHooks(GlobalHooks.defaultDir(RepoOption.home()), RepoOption.home());
        GlobalHooks.Result r = hooks.install(types.selected(false, false), exe);
        out.println(
                "akguard: global hooks "
                        + (r.configChanged() ? "installed" : "updated")
                        + ": core.hooksPath = "
                        + r.dir());
        if (r.previous() != null)
            out.println(
                    "akguard:   they run the hooks of your previous core.hooksPath first: "
                            + r.previous());
        else out.println("akguard:   they run each repository's own .git/hooks first");
        out.println(
                "akguard:   a repository that sets core.hooksPath in its own config is not covered (git prefers that setting)");
        out.flush();
        return 0;
    }

    private Path launcher() {
        Path p = launcher;
        if (p == null) {
            String prop = System.getProperty(LAUNCHER_PROPERTY);
            if (prop == null || prop.isBlank()) prop = System.getenv("AKGUARD_LAUNCHER");
            if (prop == null || prop.isBlank()) {
                throw new UserException(
                        "cannot tell where the akguard launcher is (run this through bin/akguard, or pass --launcher FILE)");
            }
            p = Path.of(prop);
        }
        p = p.toAbsolutePath().normalize();
        if (!Files.isRegularFile(p) || !Files.isExecutable(p))
            throw new UserException("launcher " + p + " is not an executable file");
        return p;
    }

    /**
     * Runs the installed check once with AKGUARD_CDS_TRAIN=1, so the launcher records the classes a
     * real run loads into the hooks' class-data archive, and JGit measures the file system now
     * rather than during a push. The pre-push check gets HEAD's commit as if it were being pushed;
     * the pre-commit check looks at what is staged (read-only either way). Output and outcome are
     * irrelevant; failures are ignored.
     */
    private void warmUp(Repository repo, Path exe, HookType type)
            throws IOException, InterruptedException {
        String input = "";
        String remote =
                repo.getRemoteNames().stream().sorted().findFirst().orElse("akguard-warm-up");
        if (type == HookType.PRE_PUSH) {
            ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
            if (head == null) return;
            String parent;
            try (RevWalk w = new RevWalk(repo)) {
                RevCommit c = w.parseCommit(head);
                parent = c.getParentCount() > 0 ? c.getParent(0).name() : ObjectId.zeroId().name();
            }
            input = "HEAD " + head.name() + " refs/heads/akguard-warm-up " + parent + "\n";
        } else if (type == HookType.PRE_RECEIVE) {
            // A new branch at HEAD: the server has every commit already, so the check walks and
            // stops (read-only).
            ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
            if (head == null) return;
            input = ObjectId.zeroId().name() + " " + head.name() + " refs/heads/akguard-warm-up\n";
        }
        Path inputFile = Files.createTempFile("akguard-warm-up", ".txt");
        try {
            Files.writeString(inputFile, input, StandardCharsets.UTF_8);
            // Exactly the arguments the hook passes (with a real remote when there is one, whose
            // refs a push reads),
            // so the run takes the same path and loads the same classes.
            List<String> cmd =
                    switch (type) {
                        case PRE_PUSH ->
                                List.of(exe.toString(), "hook", "pre-push", remote, remote);
                        case PRE_COMMIT -> List.of(exe.toString(), "hook", "pre-commit");
                        case PRE_RECEIVE -> List.of(exe.toString(), "hook", "pre-receive");
                    };
            ProcessBuilder pb =
                    new ProcessBuilder(cmd)
                            .directory(RepoOption.root(repo).toFile())
                            .redirectInput(inputFile.toFile())
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("AKGUARD_CDS_TRAIN", "1");
            // Train the archive a hook's own JVM starts from: a hook server, when one runs, would
            // answer instead, and installing starts none (the first real hook does).
            pb.environment().put("AKGUARD_HOOK_SERVER", "off");
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
        } finally {
            Files.deleteIfExists(inputFile);
        }
    }
}
