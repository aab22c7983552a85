package dev.mawm.models.nn.iris;

/**
 * The stable names that only family {@code iris} uses: its components, tensors and parameter prefix (the names it
 * shares with other families — {@code reward}, {@code done_prob}, {@code actions}, {@code discount}, {@code returns} —
 * live in {@link dev.mawm.models.Names}). Which component takes which tensors: {@link IrisFamily}.
 */
public final class IrisNames {
    /** The family name. */
    public static final String FAMILY = "iris";
    /** Prefix of every parameter name. */
    public static final String PREFIX = "iris";

    // ---- components ----------------------------------------------------------------------------

    /** Component: a whole window of steps through the transformer (teacher forcing) → every head's output. */
    public static final String TRANSFORMER = "transformer";

    // ---- tensors -------------------------------------------------------------------------------

    /** The agent's window cells per step, int32 {@code [N,T,V·V]} (object types in {@code [0, K)}). */
    public static final String CELLS = "cells";
    /** The agent's absolute cell (x, y) per step, int32 {@code [N,T,2]}. */
    public static final String POS = "pos";
    /** The step index of each block, int32 {@code [N,T]} in {@code [1, maxSteps]} (its step embedding row). */
    public static final String STEPS = "steps";
    /** The other agent's message, int32 {@code [N,M]}: V·V cells (K = no information) + its x, y when messages carry it. */
    public static final String MESSAGE = "message";
    /** Logits of the next frame's cells {@code [N,T,V·V,K]}. */
    public static final String CELL_LOGITS = "cell_logits";
    /** Logits of the next x {@code [N,T,W]}. */
    public static final String X_LOGITS = "x_logits";
    /** Logits of the next y {@code [N,T,H]}. */
    public static final String Y_LOGITS = "y_logits";
    /** Rollout: the imagined frame's cells after H steps, int32 {@code [N,V·V]}. */
    public static final String FINAL_CELLS = "final_cells";

    // ---- dims.extra keys of a bundle -------------------------------------------------------------

    /** {@code dims.extra}: side V of the agent's window. */
    public static final String DIM_VIEW_SIZE = "viewSize";
    /** {@code dims.extra}: grid width W (x tokens in {@code [0, W)}, W = no information). */
    public static final String DIM_GRID_WIDTH = "gridWidth";
    /** {@code dims.extra}: grid height (y tokens in {@code [0, height)}, height = no information). */
    public static final String DIM_GRID_HEIGHT = "gridHeight";
    /** {@code dims.extra}: object types K of a cell ({@code [0, K)}, K = no information in a message). */
    public static final String DIM_OBJECT_TYPES = "objectTypes";
    /** {@code dims.extra}: 1 when a message carries the sender's x, y after its cells, else 0. */
    public static final String DIM_MESSAGE_POSITION = "messagePosition";
    /** {@code dims.extra}: step blocks T of the exported {@code transformer} component. */
    public static final String DIM_WINDOW_STEPS = "windowSteps";
    /** {@code dims.extra}: rows of the step embedding (step indices in {@code [1, maxSteps]}). */
    public static final String DIM_MAX_STEPS = "maxSteps";
    /**
     * {@code dims.extra} key: 1 when {@code rollout_h{H}} also takes {@link #TEMPERATURE} and {@link #NOISE} (sampled
     * tokens); absent or 0 in the greedy-only bundles written before it.
     */
    public static final String DIM_SAMPLING = "sampling";
    /** The rollout's sampling temperature {@code [1]} (0 = greedy). */
    public static final String TEMPERATURE = "temperature";
    /** The rollout's uniform noise in (0, 1) for Gumbel-max sampling {@code [N,H,V·V·K + W + H]}. */
    public static final String NOISE = "noise";

    private IrisNames() {
    }
}
