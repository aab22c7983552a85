package dev.mawm.models.nn.iris;

import dev.mawm.models.config.Grid2Config;

/**
 * The environment dimensions an {@code iris} model is built for (grid2, DESIGN §4), saved with the checkpoint so the
 * network can be rebuilt without the environment's config.
 *
 * @param width           grid width W in cells: x tokens are in {@code [0, W)}, W = "no information" in a message, ≥ 2
 * @param height          grid height in cells: y tokens in {@code [0, height)}, height = "no information", ≥ 2
 * @param viewSize        side V of an agent's square window (a frame and a message have V·V cells), odd, ≥ 1
 * @param actions         number of discrete actions A (grid2: 5), ≥ 1
 * @param objectTypes     object types K a cell holds, {@code [0, K)} (grid2: 5); K = "no information" in a message, ≥ 1
 * @param messagePosition whether a message carries the sender's (x, y) after its V·V cells (DESIGN §4)
 */
public record IrisDims(int width, int height, int viewSize, int actions, int objectTypes, boolean messagePosition) {

    /** Validates every field. */
    public IrisDims {
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("iris grid must be at least 2x2, got " + width + "x" + height);
        }
        if (viewSize < 1 || viewSize % 2 == 0) {
            throw new IllegalArgumentException("iris viewSize must be odd and positive, got " + viewSize);
        }
        if (actions < 1 || objectTypes < 1) {
            throw new IllegalArgumentException("iris actions and objectTypes must be positive, got " + actions + " and " + objectTypes);
        }
    }

    /**
     * @param grid the environment's config
     * @return its dimensions, with grid2's 5 actions and 5 object types
     */
    public static IrisDims of(Grid2Config grid) {
        return new IrisDims(grid.width(), grid.height(), grid.viewSize(), 5, 5, grid.messagePosition());
    }

    /** @return cells per frame, {@code V·V} */
    public int cells() {
        return viewSize * viewSize;
    }

    /** @return tokens per step block B: V·V cells, x, y, the action */
    public int blockTokens() {
        return cells() + 3;
    }

    /** @return context tokens M of a message: V·V cells, plus x and y when {@link #messagePosition()} */
    public int messageTokens() {
        return cells() + (messagePosition ? 2 : 0);
    }

    /**
     * @param steps blocks T
     * @return the sequence length {@code M + T·B}
     */
    public int sequenceLength(int steps) {
        return messageTokens() + steps * blockTokens();
    }
}
