package dev.akguard.monitor.settings;

import java.util.Optional;

/**
 * Where one JSON settings document lives (notification or anomaly settings). The store module can
 * back it with a database row; {@link FileSettingsStore} backs it with a file. Implementations
 * store text verbatim.
 */
public interface SettingsStore {
    /** The stored JSON, or empty when nothing was saved yet (callers then use defaults). */
    Optional<String> load();

    void save(String json);
}
