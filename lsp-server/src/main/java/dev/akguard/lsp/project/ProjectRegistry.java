package dev.akguard.lsp.project;

import dev.akguard.core.Engine;
import dev.akguard.core.ScanSettings;
import dev.akguard.core.suppress.Baseline;
import dev.akguard.core.suppress.Config;
import dev.akguard.core.suppress.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Finds the project (scan root) of a document and keeps each project's settings loaded. Roots are
 * the workspace folders; a file outside all of them gets the nearest ancestor holding {@code
 * .akguard.json} or {@code .git} (so single-file editor sessions still honour the repository's
 * config), else its own directory. A config or baseline that cannot be read is reported through
 * {@code problems} and the last good settings stay in force: a half-typed {@code .akguard.json}
 * must not turn every suppression off.
 */
public final class ProjectRegistry {
    private final List<Path> workspaceRoots = new CopyOnWriteArrayList<>();
    private final Map<Path, Project> projects = new ConcurrentHashMap<>();
    private final Consumer<String> problems;
    private final Project untitled = new Project(null, Engine.defaults());

    public ProjectRegistry(Consumer<String> problems) {
        this.problems = problems;
    }

    public void setWorkspaceRoots(List<Path> roots) {
        workspaceRoots.clear();
        for (Path r : roots) workspaceRoots.add(r.toAbsolutePath().normalize());
    }

    public void addWorkspaceRoot(Path root) {
        workspaceRoots.add(root.toAbsolutePath().normalize());
    }

    public void removeWorkspaceRoot(Path root) {
        Path r = root.toAbsolutePath().normalize();
        workspaceRoots.remove(r);
        projects.remove(r);
    }

    public List<Path> workspaceRoots() {
        return List.copyOf(workspaceRoots);
    }

    /** The project of a file (null file: an untitled buffer, scanned with the defaults). */
    public Project projectFor(Path file) {
        if (file == null) return untitled;
        Path abs = file.toAbsolutePath().normalize();
        Path root =
                workspaceRoots.stream()
                        .filter(abs::startsWith)
                        .max(Comparator.comparingInt(Path::getNameCount))
                        .orElseGet(() -> discoverRoot(abs));
        return projects.computeIfAbsent(root, r -> load(r, null));
    }

    /**
     * Reloads every project whose config or baseline is this file (or all of them when {@code
     * changed} is null).
     */
    public List<Project> reload(Path changed) {
        List<Project> out = new ArrayList<>();
        for (Map.Entry<Path, Project> e : projects.entrySet()) {
            if (changed == null || affects(e.getValue(), changed.toAbsolutePath().normalize())) {
                Project p = load(e.getKey(), e.getValue());
                projects.put(e.getKey(), p);
                out.add(p);
            }
        }
        return out;
    }

    private static boolean affects(Project p, Path changed) {
        ScanSettings s = p.settings();
        return changed.equals(p.root().resolve(Config.FILE_NAME))
                || changed.equals(p.root().resolve(Baseline.FILE_NAME))
                || (s.configFile() != null
                        && changed.equals(s.configFile().toAbsolutePath().normalize()))
                || (s.baselineFile() != null
                        && changed.equals(s.baselineFile().toAbsolutePath().normalize()));
    }

    private Project load(Path root, Project previous) {
        try {
            return new Project(root, Engine.create(ScanSettings.load(root, null, null)));
        } catch (ConfigException | java.io.UncheckedIOException e) {
            problems.accept(
                    e.getMessage()
                            + (previous == null
                                    ? " — using the defaults until it is fixed"
                                    : " — keeping the previous settings until it is fixed"));
            if (previous != null) return previous;
            return new Project(
                    root,
                    Engine.create(
                            new ScanSettings(
                                    Config.defaults(),
                                    Baseline.EMPTY,
                                    root,
                                    null,
                                    root.resolve(Baseline.FILE_NAME))));
        }
    }

    private static Path discoverRoot(Path file) {
        Path dir = file.getParent();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(Config.FILE_NAME)) || Files.exists(d.resolve(".git")))
                return d;
        }
        return dir == null ? file : dir;
    }
}
