package dev.mawm.runtime;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.bundle.BundleException;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.bundle.BundleRule;
import dev.mawm.models.bundle.MessageFormat;
import dev.mawm.models.bundle.TensorSpec;
import java.nio.file.Path;

/**
 * The manifest rules of family {@code jepa2} ({@code docs/bundle-format.md}): {@code dims.extra} holds
 * {@code imageSize} S, {@code viewSize} V, {@code gridWidth}, {@code gridHeight}, {@code objectTypes} K and
 * {@code cellTokens} (0 or 1) and {@code messagePosition} (0 or 1); {@code dims.stateSize} = 3·S·S (the image); S is a
 * multiple of V; {@code messageFormat} is V·V (+ 2 with the position) integers of K symbols, one-hot. The image, position and message tensors' shapes
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
        int s = extra(d, Names.DIM_IMAGE_SIZE, file);
        int v = extra(d, Names.DIM_VIEW_SIZE, file);
        int k = extra(d, Names.DIM_OBJECT_TYPES, file);
        int w = extra(d, Names.DIM_GRID_WIDTH, file);
        int h = extra(d, Names.DIM_GRID_HEIGHT, file);
        int cells = extra(d, Names.DIM_CELL_TOKENS, file);
        if (cells > 1) {
            throw new BundleException(BundleRule.MANIFEST_FAMILY, file + ": dims.extra.cellTokens must be 0 (vector messages) or 1 (message cells), got " + cells);
        }
        int position = extra(d, Names.DIM_MESSAGE_POSITION, file);
        if (position > 1) {
            throw new BundleException(BundleRule.MANIFEST_FAMILY, file + ": dims.extra.messagePosition must be 0 (bare window) or 1 (window + sender x, y), got "
                    + position);
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
        if (f == null || f.length() != length || f.symbols() != k) {
            throw new BundleException(BundleRule.MANIFEST_FAMILY, file + ": jepa2 needs messageFormat {length " + length + " (viewSize^2"
                    + (position == 1 ? " + 2 for the sender's x, y" : "") + "), symbols " + k + " (objectTypes), encoding onehot}, got " + f);
        }
        return cells == 1;
    }

    /** The shapes of the image, position and message tensors from checked dims. */
    static TensorSpec expected(String tensor, BundleDims d) {
        long n = TensorSpec.DYNAMIC;
        Integer s = d.extra().get(Names.DIM_IMAGE_SIZE);
        Integer v = d.extra().get(Names.DIM_VIEW_SIZE);
        if (s == null || v == null) {
            throw new IllegalStateException("tensor '" + tensor + "' needs jepa2 dims.extra (imageSize, viewSize); got " + d.extra());
        }
        return switch (tensor) {
            case Names.IMAGE -> TensorSpec.f32(tensor, n, 3, s, s);
            case Names.POS -> TensorSpec.f32(tensor, n, 2);
            case Names.MESSAGE -> TensorSpec.i32(tensor, n, (long) v * v + 2L * d.extra().getOrDefault(Names.DIM_MESSAGE_POSITION, 0));
            case Names.MESSAGE_OTHER -> TensorSpec.i32(tensor, n, (long) v * v);
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
