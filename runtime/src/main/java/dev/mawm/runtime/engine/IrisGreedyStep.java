package dev.mawm.runtime.engine;

import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.nn.iris.IrisNames;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Call;
import dev.mawm.runtime.Component;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * One greedy step of an iris bundle's {@code transformer} component for a single frame: block 0 holds the frame
 * ({@code C = V·V} cell tokens, x, y) and the action with step index 1 (as the rollout's first block), the message
 * {@code [M]} is the context, and blocks 1 … T−1 repeat the frame with action 0 and step indices 2 … T as padding —
 * the mask is causal, so block 0's heads do not depend on them. The next frame is the argmax of block 0's
 * {@code cell_logits [1,T,C,K]}, {@code x_logits [1,T,W]} and {@code y_logits [1,T,H']} (the first maximum on ties,
 * as the graph's {@code ArgMax}). Tokens are not range-checked here (the caller does); the frame's cells may hold
 * K and its x, y W / H' ("no information": the embedding tables have that row). Scratch arrays are allocated once;
 * not thread-safe.
 */
final class IrisGreedyStep {
    private final Component transformer;
    private final int cells;
    private final int window;
    private final int messageTokens;
    private final int objectTypes;
    private final int width;
    private final int height;
    private final int[] cellsIn;
    private final int[] posIn;
    private final int[] actionsIn;
    private final int[] stepsIn;

    /**
     * @param bundle a loaded iris bundle (its {@code transformer} component and {@code dims.extra})
     */
    IrisGreedyStep(Bundle bundle) {
        this.transformer = bundle.component(IrisNames.TRANSFORMER);
        BundleDims d = bundle.manifest().dims();
        Map<String, Integer> x = d.extra();
        int v = x.get(IrisNames.DIM_VIEW_SIZE);
        this.cells = v * v;
        this.window = x.get(IrisNames.DIM_WINDOW_STEPS);
        this.messageTokens = cells + (x.get(IrisNames.DIM_MESSAGE_POSITION) == 1 ? 2 : 0);
        this.objectTypes = x.get(IrisNames.DIM_OBJECT_TYPES);
        this.width = x.get(IrisNames.DIM_GRID_WIDTH);
        this.height = x.get(IrisNames.DIM_GRID_HEIGHT);
        this.cellsIn = new int[window * cells];
        this.posIn = new int[window * 2];
        this.actionsIn = new int[window];
        this.stepsIn = new int[window];
        for (int t = 0; t < window; t++) {
            stepsIn[t] = t + 1;
        }
    }

    /**
     * @param frameCells {@code [C]} the frame's cell tokens
     * @param x          its x token
     * @param y          its y token
     * @param action     the action of block 0
     * @param message    {@code [M]} the context message tokens
     * @param cellsOut   written: {@code [C]} the greedy next cells, in {@code [0, K)}
     * @param posOut     written: {@code [2]} the greedy next x in {@code [0, W)}, y in {@code [0, H')}
     */
    void step(int[] frameCells, int x, int y, int action, int[] message, int[] cellsOut, int[] posOut) {
        for (int t = 0; t < window; t++) {
            System.arraycopy(frameCells, 0, cellsIn, t * cells, cells);
            posIn[2 * t] = x;
            posIn[2 * t + 1] = y;
            actionsIn[t] = 0;
        }
        actionsIn[0] = action;
        try (Call c = transformer.acquire(1)) {
            c.ints(0).put(cellsIn, 0, cellsIn.length);
            c.ints(1).put(posIn, 0, posIn.length);
            c.ints(2).put(actionsIn, 0, window);
            c.ints(3).put(stepsIn, 0, window);
            c.ints(4).put(message, 0, messageTokens);
            c.run();
            FloatBuffer cellLogits = c.outputFloats(0);  // block 0 comes first: [0, C·K)
            for (int k = 0; k < cells; k++) {
                cellsOut[k] = argMax(cellLogits, k * objectTypes, objectTypes);
            }
            posOut[0] = argMax(c.outputFloats(1), 0, width);
            posOut[1] = argMax(c.outputFloats(2), 0, height);
        }
    }

    /** @return the index in {@code [0, count)} of the first maximum of {@code buf[from … from+count)} */
    private static int argMax(FloatBuffer buf, int from, int count) {
        int best = 0;
        float max = buf.get(from);
        for (int i = 1; i < count; i++) {
            float v = buf.get(from + i);
            if (v > max) {
                max = v;
                best = i;
            }
        }
        return best;
    }
}
