package dev.akguard.lsp.project;

import dev.akguard.core.Engine;
import dev.akguard.core.ScanSettings;
import java.nio.file.Path;

/**
 * One scan root as `akguard scan` would see it: its {@code .akguard.json} and {@code
 * .akguard-baseline.json} loaded through {@link ScanSettings#load}, and the engine built from them.
 * Immutable; a reload makes a new one.
 *
 * @param root absolute, normalised; null for documents that are not files (untitled buffers)
 */
public record Project(Path root, Engine engine) {

    public ScanSettings settings() {
        return engine.settings();
    }

    /**
     * The '/'-separated path of a file relative to the root, as findings and config globs use it.
     */
    public String relativePath(Path file) {
        if (file == null) return null;
        Path abs = file.toAbsolutePath().normalize();
        Path rel = root != null && abs.startsWith(root) ? root.relativize(abs) : abs.getFileName();
        return rel == null ? "" : rel.toString().replace('\\', '/');
    }
}
