package io.devopssim.core.gitops;

import java.util.Objects;

/**
 * One value of a manifest to change, as part of a commit that changes several together.
 *
 * @param locator  where the value is
 * @param newValue what to write there
 */
public record ValueChange(ValueLocator locator, String newValue) {
    public ValueChange {
        Objects.requireNonNull(locator, "locator");
        Objects.requireNonNull(newValue, "newValue");
    }
}
