package dev.akguard.monitor.settings;

import java.util.Optional;

/**
 * A settings document held in memory: for tests and for one-off runs that must not persist
 * anything.
 */
public final class MemorySettingsStore implements SettingsStore {
    private String json;

    public MemorySettingsStore() {}

    public MemorySettingsStore(String json) {
        this.json = json;
    }

    @Override
    public synchronized Optional<String> load() {
        return Optional.ofNullable(json);
    }

    @Override
    public synchronized void save(String json) {
        this.json = json;
    }
}
