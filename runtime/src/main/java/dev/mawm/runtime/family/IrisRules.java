package dev.mawm.runtime.family;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.BundleRule;
import dev.mawm.models.bundle.MessageFormat;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.nn.iris.IrisNames;
import java.nio.file.Path;
import java.util.List;

/**
 * The manifest rules of family {@code iris}: {@code dims.extra} holds {@code viewSize} V (odd), {@code gridWidth} W,
 * {@code gridHeight}, {@code objectTypes} K, {@code messagePosition} (0 or 1), {@code windowSteps} T (the
 * {@code transformer} component's blocks) and {@code maxSteps} (≥ T and ≥ the rollout horizon), optionally
 * {@code sampling} (1: the rollout takes {@code temperature [1]} and {@code noise [N,H,V·V·K+W+H]}; absent or 0 in the
 * greedy-only bundles written before sampling, which keep loading);
 * {@code dims.stateSize} = {@code dims.latentSize} = V·V + 2 (a frame's tokens); {@code messageFormat} is
 * M = V·V (+ 2 with the position) integers of K + 1 symbols, one-hot. Every tensor's shape follows from these.
 */
final class IrisRules {
    private static final List<String> KEYS = List.of(IrisNames.DIM_VIEW_SIZE, IrisNames.DIM_GRID_WIDTH, IrisNames.DIM_GRID_HEIGHT,
            IrisNames.DIM_OBJECT_TYPES, IrisNames.DIM_MESSAGE_POSITION, IrisNames.DIM_WINDOW_STEPS, IrisNames.DIM_MAX_STEPS);

    private IrisRules() {
    }

    /**
     * @param m    a manifest of family iris
     * @param file the manifest file, for messages
     * @throws BundleException naming the file and the expectation
     */
    static void check(BundleManifest m, Path file) {
        BundleDims d = m.dims();
        for (String k : KEYS) {
            if (d.extra().get(k) == null) {
                throw new BundleException(BundleRule.MANIFEST_FAMILY, file + ": family iris needs dims.extra." + k + "; dims.extra has "
                        + d.extra().keySet());
            }
        }
        int v = d.extra().get(IrisNames.DIM_VIEW_SIZE);
        int position = d.extra().get(IrisNames.DIM_MESSAGE_POSITION);
        int t = d.extra().get(IrisNames.DIM_WINDOW_STEPS);
        int maxSteps = d.extra().get(IrisNames.DIM_MAX_STEPS);
        if (v < 1 || v % 2 == 0 || d.extra().get(IrisNames.DIM_GRID_WIDTH) < 2 || d.extra().get(IrisNames.DIM_GRID_HEIGHT) < 2
                || d.extra().get(IrisNames.DIM_OBJECT_TYPES) < 1 || position > 1 || t < 1 || maxSteps < t || maxSteps < d.horizon()) {
            throw new BundleException(BundleRule.MANIFEST_FAMILY, file + ": iris dims.extra must have an odd viewSize >= 1, gridWidth and "
                    + "gridHeight >= 2, objectTypes >= 1, messagePosition 0 or 1, windowSteps >= 1 and maxSteps >= windowSteps and >= "
                    + "dims.horizon " + d.horizon() + "; got " + d.extra());
        }
        int sampling = d.extra().getOrDefault(IrisNames.DIM_SAMPLING, 0);
        if (sampling != 0 && sampling != 1) {
            throw new BundleException(BundleRule.MANIFEST_FAMILY, file + ": iris dims.extra.sampling must be 0 or 1 (absent = 0: a greedy-only "
                    + "rollout without temperature and noise), got " + sampling);
        }
        int frame = v * v + 2;
        if (d.stateSize() != frame || d.latentSize() != frame) {
            throw new BundleException(BundleRule.MANIFEST_FAMILY, file + ": iris dims.stateSize and dims.latentSize must be a frame's tokens "
                    + "viewSize^2 + 2 = " + frame + ", got " + d.stateSize() + " and " + d.latentSize());
        }
        int length = v * v + 2 * position;
        int symbols = d.extra().get(IrisNames.DIM_OBJECT_TYPES) + 1;
        MessageFormat f = m.messageFormat();
        if (f == null || f.length() != length || f.symbols() != symbols) {
            throw new BundleException(BundleRule.MANIFEST_FAMILY, file + ": iris needs messageFormat {length " + length + ", symbols "
                    + symbols + " (objectTypes + no information), encoding onehot}, got " + f);
        }
    }

    /**
     * @param tensor  a tensor name
     * @param d       checked dims
     * @param horizon the component's rollout horizon, or -1 for {@code transformer}
     * @return the tensor's spec, or {@code null} for a name iris shares with other families ({@code returns},
     *     {@code discount}, the rollout's {@code actions})
     */
    static TensorSpec expected(String tensor, BundleDims d, int horizon) {
        long n = TensorSpec.DYNAMIC;
        int v = d.extra().getOrDefault(IrisNames.DIM_VIEW_SIZE, 0);
        long c = (long) v * v;
        long t = d.extra().getOrDefault(IrisNames.DIM_WINDOW_STEPS, 0);
        boolean rollout = horizon > 0;
        return switch (tensor) {
            case IrisNames.CELLS -> rollout ? TensorSpec.i32(tensor, n, c) : TensorSpec.i32(tensor, n, t, c);
            case IrisNames.POS -> rollout ? TensorSpec.i32(tensor, n, 2) : TensorSpec.i32(tensor, n, t, 2);
            case IrisNames.MESSAGE -> TensorSpec.i32(tensor, n, c + 2L * d.extra().getOrDefault(IrisNames.DIM_MESSAGE_POSITION, 0));
            case IrisNames.STEPS -> TensorSpec.i32(tensor, n, t);
            case IrisNames.CELL_LOGITS -> TensorSpec.f32(tensor, n, t, c, d.extra().getOrDefault(IrisNames.DIM_OBJECT_TYPES, 0));
            case IrisNames.X_LOGITS -> TensorSpec.f32(tensor, n, t, d.extra().getOrDefault(IrisNames.DIM_GRID_WIDTH, 0));
            case IrisNames.Y_LOGITS -> TensorSpec.f32(tensor, n, t, d.extra().getOrDefault(IrisNames.DIM_GRID_HEIGHT, 0));
            case IrisNames.FINAL_CELLS -> TensorSpec.i32(tensor, n, c);
            case IrisNames.TEMPERATURE -> TensorSpec.f32(tensor, 1);
            case IrisNames.NOISE -> TensorSpec.f32(tensor, n, horizon, c * d.extra().getOrDefault(IrisNames.DIM_OBJECT_TYPES, 0)
                    + d.extra().getOrDefault(IrisNames.DIM_GRID_WIDTH, 0) + d.extra().getOrDefault(IrisNames.DIM_GRID_HEIGHT, 0));
            case Names.ACTIONS -> rollout ? null : TensorSpec.i32(tensor, n, t);
            case Names.REWARD_OUT, Names.DONE_PROB -> TensorSpec.f32(tensor, n, rollout ? horizon : t);
            default -> null;
        };
    }
}
