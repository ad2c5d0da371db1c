package dev.akguard.monitor.notify;

import com.google.gson.annotations.SerializedName;
import dev.akguard.monitor.model.Validity;

/**
 * Which leaks notify people. Every leak raises an alert either way; this only decides who hears
 * about it.
 */
public enum NotifyPolicy {
    /** Only leaks whose key still works (the default, as in Security Center). */
    @SerializedName(
            value = "VALID_ONLY",
            alternate = {"valid_only", "valid-only", "valid"})
    VALID_ONLY,
    /** Every leak, whatever its validity. */
    @SerializedName(value = "ALWAYS", alternate = "always")
    ALWAYS;

    public boolean allows(Validity validity) {
        return this == ALWAYS || validity == Validity.VALID;
    }
}
