package dev.akguard.core;

import dev.akguard.core.suppress.Baseline;
import dev.akguard.core.suppress.Config;
import dev.akguard.core.suppress.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Configuration and baseline for one scan root. {@link #load} finds {@code .akguard.json} and
 * {@code .akguard-baseline.json} in the root unless explicit files are given, exactly as every
 * surface (CLI, hooks, language server) does.
 *
 * @param baselineFile where the baseline lives or would be created (never null once loaded)
 */
public record ScanSettings(
        Config config, Baseline baseline, Path root, Path configFile, Path baselineFile) {

    public static ScanSettings defaults() {
        return new ScanSettings(
                Config.defaults(), Baseline.EMPTY, Path.of("."), null, Path.of(Baseline.FILE_NAME));
    }

    /**
     * @param root scan root (used to find default files)
     * @param configFile explicit config, or null for {@code root/.akguard.json} if present
     * @param baselineFile explicit baseline (must exist), or null for {@code
     *     root/.akguard-baseline.json} if present
     */
    public static ScanSettings load(Path root, Path configFile, Path baselineFile) {
        return load(root, configFile, baselineFile, true);
    }

    /**
     * Like {@link #load(Path, Path, Path)}, but the baseline file is only located, not read: what
     * {@code baseline create} needs to replace a baseline that is missing or corrupt.
     */
    public static ScanSettings loadWithoutBaseline(Path root, Path configFile, Path baselineFile) {
        return load(root, configFile, baselineFile, false);
    }

    private static ScanSettings load(
            Path root, Path configFile, Path baselineFile, boolean readBaseline) {
        Path cfg = configFile;
        if (cfg == null && root != null && Files.isRegularFile(root.resolve(Config.FILE_NAME)))
            cfg = root.resolve(Config.FILE_NAME);
        else if (cfg != null && !Files.isRegularFile(cfg))
            throw new ConfigException("config file " + cfg + " does not exist");
        Path base = baselineFile;
        if (readBaseline && base != null && !Files.isRegularFile(base))
            throw new ConfigException(
                    "baseline "
                            + base
                            + " does not exist (create it with `akguard baseline create`)");
        Path defaultBase = (root == null ? Path.of(".") : root).resolve(Baseline.FILE_NAME);
        if (base == null && Files.isRegularFile(defaultBase)) base = defaultBase;
        Config config = cfg == null ? Config.defaults() : Config.load(cfg);
        Baseline baseline = base == null || !readBaseline ? Baseline.EMPTY : Baseline.load(base);
        return new ScanSettings(config, baseline, root, cfg, base == null ? defaultBase : base);
    }

    public ScanSettings withConfig(Config c) {
        return new ScanSettings(c, baseline, root, configFile, baselineFile);
    }

    public ScanSettings withBaseline(Baseline b) {
        return new ScanSettings(config, b, root, configFile, baselineFile);
    }
}
