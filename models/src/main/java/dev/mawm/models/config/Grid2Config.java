package dev.mawm.models.config;

/**
 * Configuration of the two-agent gridworld {@code grid2} (DESIGN §4).
 *
 * <p>Immutable; every field is validated in the compact constructor and a violation throws
 * {@link IllegalArgumentException} naming the field and its allowed range.
 *
 * @param width          grid width in cells including the border walls, 5..64 (default 11)
 * @param height         grid height in cells including the border walls, 5..64 (default 11)
 * @param wallDensity    probability that an inner cell is a wall, in [0, 0.5] (default 0.15)
 * @param items          number of item cells (object type 2) placed on free cells, 0..16 (default 0)
 * @param stepLimit      episode length limit in steps, 1..10000 (default 40)
 * @param viewSize       side of each agent's square egocentric window in cells; odd, 3..15 (default 7)
 * @param pixelsPerCell  rendered pixels per cell side in the RGB observation, 1..32 (default 4 → 3×28×28)
 * @param shapingScale   scale of the potential-based shaping reward
 *                       {@code scale × (d(s) − d(s'))} with d the BFS distance to the goal, in [0, 10]
 *                       (default 0.1; 0 disables shaping)
 * @param messagePosition whether a message carries the sender's absolute (x, y) after its V·V window
 *                       ({@code V·V + 2} integers, DESIGN §4; default true) or is seed 003's bare window
 *                       ({@code V·V}; false)
 */
public record Grid2Config(
        int width,
        int height,
        double wallDensity,
        int items,
        int stepLimit,
        int viewSize,
        int pixelsPerCell,
        double shapingScale,
        boolean messagePosition) {

    /** Validates every field. */
    public Grid2Config {
        requireRange("grid2.width", width, 5, 64);
        requireRange("grid2.height", height, 5, 64);
        if (!(wallDensity >= 0.0 && wallDensity <= 0.5)) {
            throw new IllegalArgumentException("grid2.wallDensity must be in [0, 0.5], got " + wallDensity);
        }
        requireRange("grid2.items", items, 0, 16);
        requireRange("grid2.stepLimit", stepLimit, 1, 10_000);
        requireRange("grid2.viewSize", viewSize, 3, 15);
        if (viewSize % 2 == 0) {
            throw new IllegalArgumentException("grid2.viewSize must be odd (the agent sits at the center), got " + viewSize);
        }
        requireRange("grid2.pixelsPerCell", pixelsPerCell, 1, 32);
        if (!(shapingScale >= 0.0 && shapingScale <= 10.0)) {
            throw new IllegalArgumentException("grid2.shapingScale must be in [0, 10], got " + shapingScale);
        }
        int inner = (width - 2) * (height - 2);
        if (items + 3 > inner) {
            throw new IllegalArgumentException("grid2.items must leave room for the goal and two agents: "
                    + items + " items in " + inner + " inner cells");
        }
    }

    /** @return the defaults: 11×11, density 0.15, no items, 40 steps, 7×7 view, 4 px per cell, shaping 0.1, position in messages */
    public static Grid2Config defaults() {
        return new Grid2Config(11, 11, 0.15, 0, 40, 7, 4, 0.1, true);
    }

    /** @return ints per message: {@code V·V}, plus 2 for the sender's position when {@link #messagePosition()} */
    public int messageLength() {
        return viewSize * viewSize + (messagePosition ? 2 : 0);
    }

    /** @return side of the rendered view image in pixels ({@code viewSize × pixelsPerCell}) */
    public int imageSize() {
        return viewSize * pixelsPerCell;
    }

    static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
