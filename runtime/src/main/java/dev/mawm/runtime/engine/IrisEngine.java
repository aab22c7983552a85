package dev.mawm.runtime.engine;

import dev.mawm.models.Names;
import dev.mawm.models.bundle.BundleDims;
import dev.mawm.models.nn.iris.IrisNames;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Call;
import dev.mawm.runtime.Component;
import dev.mawm.runtime.Inputs;
import java.util.Map;

/**
 * The {@code iris} family's fused imagination {@code rollout_h{H}} as a typed call: greedy ({@link #rollout}, for
 * planning) or with tokens drawn at a temperature from a seed ({@link #rolloutSampled}, bundles with
 * {@code dims.extra.sampling} 1; greedy-only bundles exported before it still load and run {@link #rollout}). {@code C = V·V} cells per
 * frame, {@code M} message tokens, K object types, W×H' the grid, A actions (sizes from the bundle's {@code dims}):
 * {@link #rollout} takes the agent's current frame {@code cells [n,C]} (object types in {@code [0, K)}) and
 * {@code pos [n,2]} (x in {@code [0, W)}, y in {@code [0, H')}), the other agent's message {@code [n,M]} (cells in
 * {@code [0, K]}, then x in {@code [0, W]}, y in {@code [0, H']} when messages carry the position; K / W / H' = no
 * information), action sequences {@code [n,H]} in {@code [0, A)} and γ, and returns per-row discounted returns,
 * per-step rewards and done probabilities and the final imagined cells. Inputs are validated with an
 * {@link IllegalArgumentException} naming the element; thread-safe; the bundle must stay open while calls run.
 */
public final class IrisEngine implements FamilyEngine {
    private final Component rollout;
    private final int cells;
    private final int messageTokens;
    private final int objectTypes;
    private final int width;
    private final int height;
    private final boolean messagePosition;
    private final int actionCount;
    private final int horizon;
    private final int noiseWidth;

    /**
     * @param bundle a loaded bundle of family {@code iris}
     * @throws IllegalArgumentException for another family or a bundle without a fused rollout
     */
    public IrisEngine(Bundle bundle) {
        Families.require(bundle, IrisNames.FAMILY);
        BundleDims d = bundle.manifest().dims();
        if (d.horizon() < 1) {
            throw new IllegalArgumentException("iris bundle " + bundle.directory() + " has no fused rollout (dims.horizon 0)");
        }
        Map<String, Integer> x = d.extra();
        int v = x.get(IrisNames.DIM_VIEW_SIZE);
        this.cells = v * v;
        this.messagePosition = x.get(IrisNames.DIM_MESSAGE_POSITION) == 1;
        this.messageTokens = cells + (messagePosition ? 2 : 0);
        this.objectTypes = x.get(IrisNames.DIM_OBJECT_TYPES);
        this.width = x.get(IrisNames.DIM_GRID_WIDTH);
        this.height = x.get(IrisNames.DIM_GRID_HEIGHT);
        this.actionCount = d.actionCount();
        this.horizon = d.horizon();
        this.rollout = bundle.component(Names.rollout(horizon));
        this.noiseWidth = x.getOrDefault(IrisNames.DIM_SAMPLING, 0) == 1 ? cells * objectTypes + width + height : 0;
    }

    /** @return whether the bundle's rollout can sample ({@link #rolloutSampled}) */
    public boolean canSample() {
        return noiseWidth > 0;
    }

    @Override
    public String family() {
        return IrisNames.FAMILY;
    }

    /** @return H, the steps of every action sequence */
    public int horizon() {
        return horizon;
    }

    /** @return C = V·V, the cells of a frame */
    public int cells() {
        return cells;
    }

    /** @return M, the tokens of a message */
    public int messageTokens() {
        return messageTokens;
    }

    /** @return A */
    public int actionCount() {
        return actionCount;
    }

    /**
     * @param frameCells {@code [n,C]} in {@code [0, K)}
     * @param pos        {@code [n,2]} x in {@code [0, W)}, y in {@code [0, H')}
     * @param messages   {@code [n,M]} (see the class)
     * @param actionSeqs {@code [n,H]} in {@code [0, A)}
     * @param n          rollouts, ≥ 1
     * @param discount   γ in (0, 1]
     * @return fresh output arrays
     */
    public IrisRolloutResult rollout(int[] frameCells, int[] pos, int[] messages, int[] actionSeqs, int n, float discount) {
        IrisRolloutResult r = new IrisRolloutResult(new float[n], new float[n * horizon], new float[n * horizon], new int[n * cells]);
        rollout(frameCells, pos, messages, actionSeqs, n, discount, r.returns(), r.reward(), r.doneProb(), r.finalCells());
        return r;
    }

    /**
     * Runs n rollouts into caller-owned arrays.
     *
     * @param frameCells    {@code [n,C]}
     * @param pos           {@code [n,2]}
     * @param messages      {@code [n,M]}
     * @param actionSeqs    {@code [n,H]}
     * @param n             rollouts, ≥ 1
     * @param discount      γ in (0, 1]
     * @param returnsOut    written: {@code [n]}
     * @param rewardOut     written: {@code [n,H]}, or {@code null} to skip
     * @param doneOut       written: {@code [n,H]}, or {@code null} to skip
     * @param finalCellsOut written: {@code [n,C]}, or {@code null} to skip
     */
    public void rollout(int[] frameCells, int[] pos, int[] messages, int[] actionSeqs, int n, float discount, float[] returnsOut,
                        float[] rewardOut, float[] doneOut, int[] finalCellsOut) {
        run(frameCells, pos, messages, actionSeqs, n, discount, 0f, 0L, returnsOut, rewardOut, doneOut, finalCellsOut);
    }

    /**
     * Runs n rollouts whose imagined tokens are drawn from {@code softmax(logits / temperature)} (Gumbel-max with
     * uniforms from {@code seed}, {@link IrisNoise}): the same seed and inputs give the same result; temperature 0 is
     * exactly {@link #rollout}.
     *
     * @param temperature τ ≥ 0, finite
     * @param seed        the noise stream's seed
     * @see #rollout(int[], int[], int[], int[], int, float, float[], float[], float[], int[]) the other arguments
     * @throws IllegalStateException for a greedy-only bundle ({@link #canSample} false)
     */
    public void rolloutSampled(int[] frameCells, int[] pos, int[] messages, int[] actionSeqs, int n, float discount, float temperature,
                               long seed, float[] returnsOut, float[] rewardOut, float[] doneOut, int[] finalCellsOut) {
        if (!canSample()) {
            throw new IllegalStateException("this iris bundle's " + Names.rollout(horizon) + " is greedy only (dims.extra.sampling absent, "
                    + "exported before sampling); re-export it to sample with a temperature");
        }
        if (!(temperature >= 0f && temperature < Float.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("temperature must be finite and >= 0, got " + temperature);
        }
        run(frameCells, pos, messages, actionSeqs, n, discount, temperature, seed, returnsOut, rewardOut, doneOut, finalCellsOut);
    }

    private void run(int[] frameCells, int[] pos, int[] messages, int[] actionSeqs, int n, float discount, float temperature, long seed,
                     float[] returnsOut, float[] rewardOut, float[] doneOut, int[] finalCellsOut) {
        Families.batch(n);
        if (!(discount > 0f && discount <= 1f)) {
            throw new IllegalArgumentException("discount must be in (0, 1], got " + discount);
        }
        Inputs.requireLength("frameCells", frameCells.length, (long) n * cells);
        Inputs.requireLength("pos", pos.length, 2L * n);
        Inputs.requireLength("messages", messages.length, (long) n * messageTokens);
        Inputs.requireLength("actionSeqs", actionSeqs.length, (long) n * horizon);
        Inputs.requireLength("returnsOut", returnsOut.length, n);
        if (rewardOut != null) {
            Inputs.requireLength("rewardOut", rewardOut.length, (long) n * horizon);
        }
        if (doneOut != null) {
            Inputs.requireLength("doneOut", doneOut.length, (long) n * horizon);
        }
        if (finalCellsOut != null) {
            Inputs.requireLength("finalCellsOut", finalCellsOut.length, (long) n * cells);
        }
        tokens("frameCells", frameCells, n, cells, 0, cells, objectTypes);
        tokens("pos", pos, n, 2, 0, 1, width);
        tokens("pos", pos, n, 2, 1, 2, height);
        tokens("messages", messages, n, messageTokens, 0, cells, objectTypes + 1);
        if (messagePosition) {
            tokens("messages", messages, n, messageTokens, cells, cells + 1, width + 1);
            tokens("messages", messages, n, messageTokens, cells + 1, cells + 2, height + 1);
        }
        Inputs.requireActions("actionSeqs", actionSeqs, n * horizon, actionCount);
        try (Call c = rollout.acquire(n)) {
            c.ints(0).put(frameCells, 0, n * cells);
            c.ints(1).put(pos, 0, 2 * n);
            c.ints(2).put(messages, 0, n * messageTokens);
            c.ints(3).put(actionSeqs, 0, n * horizon);
            c.floats(4).put(0, discount);
            if (noiseWidth > 0) {
                c.floats(5).put(0, temperature);
                int count = n * horizon * noiseWidth;
                if (temperature == 0f) {
                    for (int i = 0; i < count; i++) {
                        c.floats(6).put(i, 0.5f); // multiplied by τ = 0: any value in (0, 1) gives the greedy tokens
                    }
                } else {
                    IrisNoise.fill(c.floats(6), count, seed);
                }
            }
            c.run();
            c.outputFloats(0).get(returnsOut, 0, n);
            if (rewardOut != null) {
                c.outputFloats(1).get(rewardOut, 0, n * horizon);
            }
            if (doneOut != null) {
                c.outputFloats(2).get(doneOut, 0, n * horizon);
            }
            if (finalCellsOut != null) {
                c.outputInts(3).get(finalCellsOut, 0, n * cells);
            }
        }
    }

    /** Requires columns {@code [from, to)} of every row of {@code stride} values to lie in {@code [0, bound)}. */
    private static void tokens(String what, int[] values, int n, int stride, int from, int to, int bound) {
        for (int r = 0; r < n; r++) {
            for (int k = from; k < to; k++) {
                int t = values[r * stride + k];
                if (t < 0 || t >= bound) {
                    throw new IllegalArgumentException(what + ": element " + (r * stride + k) + " (row " + r + ", token " + k + ") is " + t
                            + "; expected a token in [0, " + bound + ")");
                }
            }
        }
    }
}
