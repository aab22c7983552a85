package dev.mawm.models.nn.jepa2;

import java.util.Objects;

/**
 * What a {@code jepa2} checkpoint's {@code network} section holds: the family's config and the
 * environment dimensions the networks were built for.
 *
 * @param config the family's config (sizes, message mode, losses)
 * @param dims   the environment's dimensions
 */
public record Jepa2Spec(dev.mawm.models.config.Jepa2Config config, Jepa2Dims dims) {
    /** Requires both parts. */
    public Jepa2Spec {
        Objects.requireNonNull(config, "jepa2 spec needs its config");
        Objects.requireNonNull(dims, "jepa2 spec needs the environment dimensions");
    }
}
