package dev.mawm.runtime.engine;

import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.bundle.BundleManifest;
import dev.mawm.models.nn.jepa2.Jepa2Names;

/**
 * The sizes of a {@code jepa2} bundle, read from its validated manifest ({@code dims}, {@code dims.extra},
 * {@code messageFormat}; see {@code docs/bundle-format.md}).
 *
 * @param latentSize  L, width of the observation latent z and the message latent h, ≥ 1
 * @param imageSize   S, the image is {@code [3,S,S]} CHW floats in [0, 1], ≥ 1
 * @param viewSize    V, side of an agent's window, ≥ 1
 * @param objectTypes K, message cells hold object types in {@code [0, K)} (cells mode: K = no information), ≥ 2
 * @param actionCount A, actions in {@code [0, A)}, ≥ 1
 * @param gridWidth   W, positions have x in {@code [0, W−1]}, ≥ 2
 * @param gridHeight  positions have y in {@code [0, gridHeight−1]}, ≥ 2
 * @param horizon     H of the fused rollout, 0 when the bundle has none
 * @param cellTokens  whether the predictor reads message cells (cells mode) instead of a message latent
 * @param messagePosition whether a message carries the sender's x, y after its V·V cells
 * @param messageUnknown whether a message cell may also hold the unknown value K (a program codec's "not said";
 *                   {@code dims.extra.messageUnknown}, absent = false)
 */
public record Jepa2Shape(int latentSize, int imageSize, int viewSize, int objectTypes, int actionCount, int gridWidth,
                         int gridHeight, int horizon, boolean cellTokens, boolean messagePosition, boolean messageUnknown) {

    /** Validates the sizes. */
    public Jepa2Shape {
        if (latentSize < 1 || imageSize < 1 || viewSize < 1 || objectTypes < 2 || actionCount < 1 || gridWidth < 2
                || gridHeight < 2 || horizon < 0) {
            throw new IllegalArgumentException("invalid jepa2 sizes: latent " + latentSize + ", image " + imageSize + ", view "
                    + viewSize + ", object types " + objectTypes + ", actions " + actionCount + ", grid " + gridWidth + "x"
                    + gridHeight + ", horizon " + horizon);
        }
    }

    /**
     * @param m a validated manifest of family jepa2
     * @return its sizes
     * @throws IllegalArgumentException for another family
     */
    public static Jepa2Shape of(BundleManifest m) {
        if (!Jepa2Names.FAMILY.equals(m.family())) {
            throw new IllegalArgumentException("bundle family is '" + m.family() + "', expected jepa2");
        }
        BundleDims d = m.dims();
        return new Jepa2Shape(d.latentSize(), d.extra().get(Jepa2Names.DIM_IMAGE_SIZE), d.extra().get(Jepa2Names.DIM_VIEW_SIZE),
                d.extra().get(Jepa2Names.DIM_OBJECT_TYPES), d.actionCount(), d.extra().get(Jepa2Names.DIM_GRID_WIDTH),
                d.extra().get(Jepa2Names.DIM_GRID_HEIGHT), d.horizon(), d.extra().get(Jepa2Names.DIM_CELL_TOKENS) == 1,
                d.extra().get(Jepa2Names.DIM_MESSAGE_POSITION) == 1, d.extra().getOrDefault(Jepa2Names.DIM_MESSAGE_UNKNOWN, 0) == 1);
    }

    /**
     * @return values a full message's cell may take, {@code [0, symbols)}: K, or K + 1 with the unknown cell (the
     *     manifest's {@code messageFormat.symbols})
     */
    public int messageSymbols() {
        return objectTypes + (messageUnknown ? 1 : 0);
    }

    /** @return floats per image, {@code 3·S·S} */
    public int imageLength() {
        return 3 * imageSize * imageSize;
    }

    /** @return integers per message M: {@code V·V}, + 2 for the sender's x, y when {@link #messagePosition()} */
    public int messageLength() {
        return windowCells() + (messagePosition ? 2 : 0);
    }

    /** @return cells of an agent's window, {@code V·V} (the cells-mode predictor's message input) */
    public int windowCells() {
        return viewSize * viewSize;
    }

    /** @return the cells-mode "no information" value, K */
    public int noInfo() {
        return objectTypes;
    }
}
