package dev.mawm.models.nn.jepa2;

import dev.mawm.models.config.Grid2Config;
import java.util.Map;

/**
 * The environment dimensions a {@code jepa2} model is built for (grid2, DESIGN §4). Saved with the
 * checkpoint so the networks can be rebuilt without the environment's config.
 *
 * @param width         grid width in cells (positions are normalized by {@code width − 1}), ≥ 2
 * @param height        grid height in cells (positions are normalized by {@code height − 1}), ≥ 2
 * @param viewSize      side V of an agent's square window (the message has V·V cells), odd, ≥ 1
 * @param pixelsPerCell rendered pixels per cell P (the image is {@code 3 × V·P × V·P}), ≥ 1
 * @param actions       number of discrete actions (grid2: 5), ≥ 1
 * @param objectTypes   number of object types a message cell can hold (grid2: 5), ≥ 1
 * @param messagePosition whether a message carries the sender's absolute (x, y) after its V·V cells (DESIGN §4;
 *                      a checkpoint spec without the key is read as false: seed 003's bare window)
 * @param shapingScale  the env's shaping scale s: a step's reward is {@code arrival + s·(d(s) − d(s'))}; the
 *                      {@code shaping} head predicts {@code d(s) − d(s')} and the rollout weighs it by s, in [0, 10]
 * @param messageUnknown whether a message cell may also hold the unknown value {@code objectTypes} (5 for grid2: "the
 *                      program does not say", the program codecs' {@code ProgramWindows.UNKNOWN}); the message encoder's
 *                      one-hot then has {@code objectTypes + 1} channels ({@link #messageChannels()}). Set for models
 *                      trained with {@code jepa2.loss.codecMix > 0}; a spec without the key reads as false
 *                      ({@link #ADDED_LATER}): 5 channels, as every model before it
 */
public record Jepa2Dims(int width, int height, int viewSize, int pixelsPerCell, int actions, int objectTypes,
                        boolean messagePosition, double shapingScale, boolean messageUnknown) {

    /**
     * Fields added after checkpoints were first written, with the value an older spec's lack of them means
     * ({@code Jepa2Model.fromSpec}).
     */
    public static final Map<String, Object> ADDED_LATER = Map.of("messageUnknown", false);

    /** Validates every field. */
    public Jepa2Dims {
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException("jepa2 grid must be at least 2x2, got " + width + "x" + height);
        }
        if (viewSize < 1 || viewSize % 2 == 0) {
            throw new IllegalArgumentException("jepa2 viewSize must be odd and positive, got " + viewSize);
        }
        if (pixelsPerCell < 1 || actions < 1 || objectTypes < 1) {
            throw new IllegalArgumentException("jepa2 pixelsPerCell, actions and objectTypes must be positive, got "
                    + pixelsPerCell + ", " + actions + ", " + objectTypes);
        }
        if (!(shapingScale >= 0.0 && shapingScale <= 10.0)) {
            throw new IllegalArgumentException("jepa2 shapingScale must be in [0, 10], got " + shapingScale);
        }
    }

    /**
     * The dimensions without position in messages and with the default shaping scale 0.1 (tests, hand-made models).
     *
     * @param width         grid width
     * @param height        grid height
     * @param viewSize      V
     * @param pixelsPerCell P
     * @param actions       A
     * @param objectTypes   K
     * @return the dimensions
     */
    public static Jepa2Dims of(int width, int height, int viewSize, int pixelsPerCell, int actions, int objectTypes) {
        return new Jepa2Dims(width, height, viewSize, pixelsPerCell, actions, objectTypes, false, 0.1, false);
    }

    /**
     * @param grid the environment's config
     * @return its dimensions, with grid2's 5 actions and 5 object types
     */
    public static Jepa2Dims of(Grid2Config grid) {
        return new Jepa2Dims(grid.width(), grid.height(), grid.viewSize(), grid.pixelsPerCell(), 5, 5, grid.messagePosition(),
                grid.shapingScale(), false);
    }

    /**
     * @param unknown whether message cells may hold the unknown value ({@link #messageUnknown()})
     * @return these dimensions with it
     */
    public Jepa2Dims withMessageUnknown(boolean unknown) {
        return new Jepa2Dims(width, height, viewSize, pixelsPerCell, actions, objectTypes, messagePosition, shapingScale, unknown);
    }

    /** @return channels of the message encoder's one-hot: {@code objectTypes}, plus 1 for the unknown cell when {@link #messageUnknown()} */
    public int messageChannels() {
        return objectTypes + (messageUnknown ? 1 : 0);
    }

    /** @return image side in pixels, {@code viewSize × pixelsPerCell} */
    public int imageSize() {
        return viewSize * pixelsPerCell;
    }

    /** @return message cells, {@code viewSize²} */
    public int cells() {
        return viewSize * viewSize;
    }

    /** @return ints per message M: {@code V·V}, plus the sender's x, y when {@link #messagePosition()} */
    public int messageLength() {
        return cells() + (messagePosition ? 2 : 0);
    }
}
