package dev.mawm.runtime;

import java.util.Objects;

/**
 * Which device a bundle's sessions actually run on.
 *
 * @param requested      the device the options asked for
 * @param active         the device the sessions use
 * @param fallbackReason why {@code active} differs from {@code requested} (for the CLI to print), or {@code null}
 */
public record DeviceStatus(Device requested, Device active, String fallbackReason) {

    /** Validates that a fallback has a reason and only a fallback has one. */
    public DeviceStatus {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(active, "active");
        if ((requested != active) != (fallbackReason != null)) {
            throw new IllegalArgumentException("fallbackReason must be given exactly when active (" + active
                    + ") differs from requested (" + requested + ")");
        }
    }

    /** @return whether the sessions run on another device than requested */
    public boolean fellBack() {
        return requested != active;
    }
}
