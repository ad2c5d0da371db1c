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

    @Option(names = "--threads", paramLabel = "N", description = "Files scanned in parallel (default: number of CPUs).")
    public int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--max-file-size", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Skip files larger than this, e.g. 100m or 2g (default: 1g, or the config's maxFileSize).")
    public Long maxFileSize;

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip paths matching this .gitignore-style glob (repeatable).")
    public List<String> excludes = new ArrayList<>();

    /** Loads config and baseline for {@code root} and applies the command-line overrides. */
    public ScanSettings settings(Path root) {
        if (threads < 1) throw new UserException("--threads must be at least 1");
        ScanSettings s = ScanSettings.load(root, config, baseline);
        Config c = s.config();
        if (maxFileSize != null) c = c.withMaxFileSize(maxFileSize);
        if (!excludes.isEmpty()) c = c.withExtraExcludes(excludes);
        return s.withConfig(c);
    }

    public Engine engine(Path root) { return Engine.create(settings(root)); }
}
