package dev.mawm.models.bundle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sizes a bundle's graphs were built with.
 *
 * @param stateSize    S, length of a raw state / observation vector, ≥ 1
 * @param latentSize   L, width of the latent (family {@code mlp}) or of the recurrent hidden state ({@code gru}), ≥ 1
 * @param actionCount  A, number of discrete actions, ≥ 1
 * @param horizon      H of the fused rollout graph, ≥ 1, or 0 when the bundle has no fused rollout
 * @param ensembleSize number of dynamics ensemble members (1 without an ensemble), ≥ 1
 * @param extra        family-specific sizes (e.g. {@code messageLength}, {@code agents}), each ≥ 0; may be empty
 */
public record BundleDims(int stateSize, int latentSize, int actionCount, int horizon, int ensembleSize,
                         Map<String, Integer> extra) {

    /** Validates every size and copies {@code extra} (keeping its order). */
    public BundleDims {
        atLeast("dims.stateSize", stateSize, 1);
        atLeast("dims.latentSize", latentSize, 1);
        atLeast("dims.actionCount", actionCount, 1);
        atLeast("dims.horizon", horizon, 0);
        atLeast("dims.ensembleSize", ensembleSize, 1);
        Map<String, Integer> copy = new LinkedHashMap<>();
        if (extra != null) {
            for (Map.Entry<String, Integer> e : extra.entrySet()) {
                Checks.ident("dims.extra key", e.getKey());
                if (e.getValue() == null || e.getValue() < 0) {
                    throw new IllegalArgumentException("dims.extra." + e.getKey() + " must be an integer >= 0, got "
                            + e.getValue());
                }
                copy.put(e.getKey(), e.getValue());
            }
        }
        extra = Collections.unmodifiableMap(copy);
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
    }
}
