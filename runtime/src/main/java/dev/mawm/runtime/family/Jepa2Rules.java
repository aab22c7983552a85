package dev.mawm.runtime.family;

import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.BundleRule;
import dev.mawm.models.bundle.MessageFormat;
import dev.mawm.models.bundle.TensorSpec;
import dev.mawm.models.nn.jepa2.Jepa2Names;
import java.nio.file.Path;

/**
 * The manifest rules of family {@code jepa2} ({@code docs/bundle-format.md}): {@code dims.extra} holds
 * {@code imageSize} S, {@code viewSize} V, {@code gridWidth}, {@code gridHeight}, {@code objectTypes} K and
 * {@code cellTokens} (0 or 1) and {@code messagePosition} (0 or 1), optionally {@code messageUnknown} (0 or 1, absent = 0);
 * {@code dims.stateSize} = 3·S·S (the image); S is a multiple of V; {@code messageFormat} is V·V (+ 2 with the position)
 * integers of K symbols (K + 1 with {@code messageUnknown}: the unknown cell K), one-hot. The image, position and message tensors' shapes
 * follow from these.
 */
final class Jepa2Rules {
    private Jepa2Rules() {
    }

    /**
     * @param m    a manifest of family jepa2
     * @param file the manifest file, for messages
     * @return whether the predictor reads message cells ({@code dims.extra.cellTokens} = 1)
     * @throws BundleException naming the file and the expectation
     */
    static boolean check(BundleManifest m, Path file) {
        BundleDims d = m.dims();
        int s = extra(d, Jepa2Names.DIM_IMAGE_SIZE, file);
        int v = extra(d, Jepa2Names.DIM_VIEW_SIZE, file);
        int k = extra(d, Jepa2Names.DIM_OBJECT_TYPES, file);
        int w = extra(d, Jepa2Names.DIM_GRID_WIDTH, file);
        int h = extra(d, Jepa2Names.DIM_GRID_HEIGHT, file);
        int cells = extra(d, Jepa2Names.DIM_CELL_TOKENS, file);
        if (cells > 1) {
            throw new BundleException(BundleRule.MANIFEST_FAMILY, file + ": dims.extra.cellTokens must be 0 (vector messages) or 1 (message cells), got " + cells);
        }
        int position = extra(d, Jepa2Names.DIM_MESSAGE_POSITION, file);
        if (position > 1) {
            throw new BundleException(BundleRule.MANIFEST_FAMILY, file + ": dims.extra.messagePosition must be 0 (bare window) or 1 (window + sender x, y), got "
                    + position);
        }
        int unknown = d.extra().getOrDefault(Jepa2Names.DIM_MESSAGE_UNKNOWN, 0);
        if (unknown > 1) {
            throw new BundleException(BundleRule.MANIFEST_FAMILY, file + ": dims.extra.messageUnknown must be 0 (object types only) or 1 (and the "
                    + "unknown cell objectTypes), got " + unknown);
        }
        if (s < 1 || v < 1 || k < 2 || w < 2 || h < 2 || s % v != 0) {
            throw new BundleException(BundleRule.MANIFEST_FAMILY, file + ": jepa2 dims.extra must have imageSize >= 1 a multiple of viewSize >= 1, "
                    + "objectTypes >= 2, gridWidth and gridHeight >= 2; got " + d.extra());
        }
        if ((long) d.stateSize() != 3L * s * s) {
            throw new BundleException(BundleRule.MANIFEST_FAMILY, file + ": jepa2 dims.stateSize must be the image size 3*imageSize*imageSize = "
                    + 3L * s * s + ", got " + d.stateSize());
        }
        MessageFormat f = m.messageFormat();
        int length = v * v + 2 * position;
        if (f == null || f.length() != length || f.symbols() != k + unknown) {
            throw new BundleException(BundleRule.MANIFEST_FAMILY, file + ": jepa2 needs messageFormat {length " + length + " (viewSize^2"
                    + (position == 1 ? " + 2 for the sender's x, y" : "") + "), symbols " + (k + unknown)
                    + (unknown == 1 ? " (objectTypes + the unknown cell)" : " (objectTypes)") + ", encoding onehot}, got " + f);
        }
        return cells == 1;
    }

    /**
     * The shapes of the jepa2 tensors from checked dims: image, position and message from {@code dims.extra}, the
     * message latent and the rollout's latents of width {@code latentSize}, the rollout's per-step tensors of length H.
     *
     * @param tensor  a tensor name
     * @param d       the dims
     * @param horizon the component's rollout horizon, or -1
     * @return the tensor's spec, or {@code null} for a name jepa2 shares with other families
     */
    static TensorSpec expected(String tensor, BundleDims d, int horizon) {
        long n = TensorSpec.DYNAMIC;
        return switch (tensor) {
            case Jepa2Names.MSG_LATENT, Jepa2Names.Z_SELF, Jepa2Names.Z_OTHER, Jepa2Names.H_SELF0, Jepa2Names.FINAL_LATENT ->
                    TensorSpec.f32(tensor, n, d.latentSize());
            case Jepa2Names.MSG_OTHER -> TensorSpec.f32(tensor, n, horizon, d.latentSize());
            case Jepa2Names.MSG_MASK -> TensorSpec.f32(tensor, n, horizon);
            case Jepa2Names.AGENT -> TensorSpec.i32(tensor, n);
            case Jepa2Names.SHAPING_OUT -> TensorSpec.f32(tensor, n);
            case Jepa2Names.OTHER_ACTIONS -> TensorSpec.i32(tensor, n, horizon);
            case Jepa2Names.IMAGE, Jepa2Names.POS, Jepa2Names.MESSAGE, Jepa2Names.MESSAGE_OTHER -> windowTensor(tensor, d);
            default -> null;
        };
    }

    /** The shapes of the image, position and message tensors from checked dims. */
    private static TensorSpec windowTensor(String tensor, BundleDims d) {
        long n = TensorSpec.DYNAMIC;
        Integer s = d.extra().get(Jepa2Names.DIM_IMAGE_SIZE);
        Integer v = d.extra().get(Jepa2Names.DIM_VIEW_SIZE);
        if (s == null || v == null) {
            throw new IllegalStateException("tensor '" + tensor + "' needs jepa2 dims.extra (imageSize, viewSize); got " + d.extra());
        }
        return switch (tensor) {
            case Jepa2Names.IMAGE -> TensorSpec.f32(tensor, n, 3, s, s);
            case Jepa2Names.POS -> TensorSpec.f32(tensor, n, 2);
            case Jepa2Names.MESSAGE -> TensorSpec.i32(tensor, n, (long) v * v + 2L * d.extra().getOrDefault(Jepa2Names.DIM_MESSAGE_POSITION, 0));
            case Jepa2Names.MESSAGE_OTHER -> TensorSpec.i32(tensor, n, (long) v * v);
            default -> throw new IllegalStateException("no jepa2 rule for tensor '" + tensor + "'");
        };
    }

    private static int extra(BundleDims d, String key, Path file) {
        Integer value = d.extra().get(key);
        if (value == null) {
            throw new BundleException(BundleRule.MANIFEST_FAMILY, file + ": family jepa2 needs dims.extra." + key + "; dims.extra has " + d.extra().keySet());
        }
        return value;
    }
}
