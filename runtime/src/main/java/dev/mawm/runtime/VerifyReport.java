package dev.mawm.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The result of replaying a bundle's golden I/O.
 *
 * @param bundle the bundle directory
 * @param device where the graphs ran
 * @param checks one entry per component, in manifest order
 */
public record VerifyReport(Path bundle, DeviceStatus device, List<ComponentCheck> checks) {

    /** Copies the list. */
    public VerifyReport {
        checks = List.copyOf(checks);
    }

    /** @return whether every component replays within its tolerance */
    public boolean passed() {
        return checks.stream().allMatch(ComponentCheck::passed);
    }

    /** @return the first component that does not replay, if any */
    public Optional<ComponentCheck> firstFailure() {
        return checks.stream().filter(c -> !c.passed()).findFirst();
    }
}
