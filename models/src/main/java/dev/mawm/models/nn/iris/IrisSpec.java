package dev.mawm.models.nn.iris;

import java.util.Objects;

/**
 * What an {@code iris} checkpoint's {@code network} section holds: the family's config and the environment dimensions
 * the network was built for.
 *
 * @param config the family's config (sizes, windows, loss weights)
 * @param dims   the environment's dimensions
 */
public record IrisSpec(IrisConfig config, IrisDims dims) {
    /** Requires both parts. */
    public IrisSpec {
        Objects.requireNonNull(config, "iris spec needs its config");
        Objects.requireNonNull(dims, "iris spec needs the environment dimensions");
    }
}
