package dev.akguard.cli.git;

import dev.akguard.git.GitRepos;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Option;

/** `--repo DIR`, shared by the hook commands. */
public final class RepoOption {
    @Option(
            names = "--repo",
            paramLabel = "DIR",
            description = "The repository (default: the one containing the current folder).")
    Path repo = Path.of(".");

    Repository open() {
        return GitRepos.open(repo);
    }

    static Path root(Repository r) {
        return HookChecks.root(r);
    }

    /** The user's home as git finds it: $HOME, not the password database's. */
    static Path home() {
        String h = System.getenv("HOME");
        return h != null && !h.isBlank() ? Path.of(h) : Path.of(System.getProperty("user.home"));
    }
}
