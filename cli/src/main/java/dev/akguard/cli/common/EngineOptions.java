package dev.akguard.cli.common;

import dev.akguard.core.Engine;
import dev.akguard.core.ScanSettings;
import dev.akguard.core.detect.DetectorOptions;
import dev.akguard.core.suppress.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options that shape detection and suppression, shared by every scanning command. */
public final class EngineOptions {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Config file (default: .akguard.json in the scan root, if present).")
    public Path config;

    @Option(
            names = "--baseline",
            paramLabel = "FILE",
            description =
                    "Baseline of accepted findings (default: .akguard-baseline.json in the scan root, if present).")
    public Path baseline;

    /**
     * More threads than this only cost memory: the scan is bound by the disk and the CPUs long
     * before.
     */
    public static final int MAX_THREADS = 256;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description =
                    "Files scanned in parallel, 1 to "
                            + MAX_THREADS
                            + " (default: number of CPUs).")
    public int threads = Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());

    /** The validated thread count. */
    public int threads() {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new UserException(
                    "--threads must be from 1 to " + MAX_THREADS + " (got " + threads + ")");
        }
        return threads;
    }

    @Option(
            names = "--max-file-size",
            paramLabel = "SIZE",
            converter = SizeConverter.class,
            description =
                    "Skip files larger than this, e.g. 100m or 2g (default: 1g, or the config's maxFileSize).")
    public Long maxFileSize;

    @Option(
            names = "--max-decode-depth",
            paramLabel = "N",
            description =
                    "Layers of encoding (base64, hex, \\uXXXX) decoded to find keys, 0-8 (default: 2, or the config's decoding.maxDepth).")
    public Integer maxDecodeDepth;

    @Option(
            names = "--archive-depth",
            paramLabel = "N",
            description =
                    "Levels of nested archives (zip, jar, war, apk, docx, tar, tar.gz) opened, 0 to not open them (default: 3, or the config's archives.maxDepth).")
    public Integer archiveDepth;

    @Option(
            names = "--archive-max-size",
            paramLabel = "SIZE",
            description =
                    "Bytes one archive may expand to, nested ones included, before its scan stops (zip bombs), e.g. 1g (default: 256m, or the config's archives.maxSize).")
    public String archiveMaxSize;

    @Option(
            names = "--exclude",
            paramLabel = "GLOB",
            description = "Skip paths matching this .gitignore-style glob (repeatable).")
    public List<String> excludes = new ArrayList<>();

    /** Loads config and baseline for {@code root} and applies the command-line overrides. */
    public ScanSettings settings(Path root) {
        return withOverrides(ScanSettings.load(root, config, baseline));
    }

    /**
     * The same without reading the baseline (its path is still resolved): for commands that replace
     * it.
     */
    public ScanSettings settingsWithoutBaseline(Path root) {
        return withOverrides(ScanSettings.loadWithoutBaseline(root, config, baseline));
    }

    private ScanSettings withOverrides(ScanSettings s) {
        threads();
        Config c = s.config();
        if (maxFileSize != null) c = c.withMaxFileSize(maxFileSize);
        if (!excludes.isEmpty()) c = c.withExtraExcludes(excludes);
        DetectorOptions o = c.detectorOptions();
        try {
            if (maxDecodeDepth != null) o = o.withMaxDecodeDepth(maxDecodeDepth);
            if (archiveDepth != null || archiveMaxSize != null) {
                o =
                        o.withArchives(
                                archiveDepth != null ? archiveDepth : o.archiveDepth(),
                                archiveMaxSize != null
                                        ? Config.parseSize(archiveMaxSize, "--archive-max-size")
                                        : o.archiveMaxBytes());
            }
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        c = c.withDetectorOptions(o);
        return s.withConfig(c);
    }

    public Engine engine(Path root) {
        return Engine.create(settings(root));
    }
}
