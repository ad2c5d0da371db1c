package dev.akguard.cli.common;

import dev.akguard.core.Engine;
import dev.akguard.core.ScanSettings;
import dev.akguard.core.suppress.Config;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Options that shape detection and suppression, shared by every scanning command. */
public final class EngineOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file (default: .akguard.json in the scan root, if present).")
    public Path config;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Baseline of accepted findings (default: .akguard-baseline.json in the scan root, if present).")
    public Path baseline;

    /** More threads than this only cost memory: the scan is bound by the disk and the CPUs long before. */
    public static final int MAX_THREADS = 256;

    @Option(names = "--threads", paramLabel = "N", description = "Files scanned in parallel, 1 to " + MAX_THREADS + " (default: number of CPUs).")
    public int threads = Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());

    /** The validated thread count. */
    public int threads() {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new UserException("--threads must be from 1 to " + MAX_THREADS + " (got " + threads + ")");
        }
        return threads;
    }

    @Option(names = "--max-file-size", paramLabel = "SIZE",
            description = "Skip files larger than this, e.g. 100m or 2g (default: 1g, or the config's maxFileSize).")
    public String maxFileSize;

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip paths matching this .gitignore-style glob (repeatable).")
    public List<String> excludes = new ArrayList<>();

    /** Loads config and baseline for {@code root} and applies the command-line overrides. */
    public ScanSettings settings(Path root) {
        return withOverrides(ScanSettings.load(root, config, baseline));
    }

    /** The same without reading the baseline (its path is still resolved): for commands that replace it. */
    public ScanSettings settingsWithoutBaseline(Path root) {
        return withOverrides(ScanSettings.loadWithoutBaseline(root, config, baseline));
    }

    private ScanSettings withOverrides(ScanSettings s) {
        threads();
        Config c = s.config();
        if (maxFileSize != null) c = c.withMaxFileSize(Config.parseSize(maxFileSize, "--max-file-size"));
        if (!excludes.isEmpty()) c = c.withExtraExcludes(excludes);
        return s.withConfig(c);
    }

    public Engine engine(Path root) { return Engine.create(settings(root)); }
}
