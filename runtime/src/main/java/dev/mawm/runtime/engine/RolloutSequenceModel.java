package dev.mawm.runtime.engine;

import dev.mawm.models.config.CemConfig;
import dev.mawm.planner.SequenceModel;
import dev.mawm.runtime.Bundle;
import dev.mawm.runtime.Call;
import dev.mawm.runtime.Inputs;
import java.nio.FloatBuffer;

/**
 * The planner's {@link SequenceModel} over a bundle's fused rollout graph: one ONNX Runtime call scores all N
 * candidates of a CEM iteration.
 *
 * <p>At construction it borrows one {@link Call} shaped for {@code config.samples()} candidates and writes the
 * discount once; {@link #score} only copies the start state (one row when the graph broadcasts it,
 * {@link FusedRollout#broadcastsStart()}, else N rows) and the action sequences into the call's
 * direct buffers, runs, and copies returns (and disagreement when asked) out of the pinned output buffers. No
 * Java arrays or buffers are allocated per call; what remains is ONNX Runtime Java's own per-run bookkeeping
 * (its {@code Result} object, a handful of small arrays and a map), a few hundred bytes. A call with fewer than
 * N candidates reshapes the tensors (allocating) and reshapes back on the next full call.
 *
 * <p>Not thread-safe, like every {@link SequenceModel}: one per planner. Close it (before the bundle) to return the
 * borrowed call.
 */
public final class RolloutSequenceModel implements SequenceModel, AutoCloseable {
    private final FusedRollout rollout;
    private final Call call;
    private final int samples;
    private final int stateSize;
    private final int horizon;
    private final int startRowsPerCall;  // 0: N rows (one copy per candidate); 1: one row broadcast by the graph
    private boolean closed;

    /**
     * @param bundle a loaded bundle with a fused rollout whose horizon equals {@code config.horizon()} and whose
     *               action count the planner will use
     * @param config the planner config: {@code samples} fixes N, {@code discount} feeds the graph
     * @throws IllegalArgumentException when the horizons differ or the bundle has no fused rollout
     */
    public RolloutSequenceModel(Bundle bundle, CemConfig config) {
        this.rollout = new FusedRollout(bundle);
        if (config.horizon() != rollout.horizon()) {
            throw new IllegalArgumentException("planner horizon (cem.horizon " + config.horizon() + ") must equal the "
                    + "bundle's fused rollout horizon " + rollout.horizon() + " (" + rollout.component().name() + ")");
        }
        this.samples = config.samples();
        this.stateSize = rollout.stateSize();
        this.horizon = rollout.horizon();
        this.startRowsPerCall = rollout.broadcastsStart() ? 1 : 0;
        this.call = rollout.component().acquire(samples, startRowsPerCall, 1);
        call.floats(2).put(0, (float) config.discount());
    }

    /**
     * @param bundle a loaded bundle with a fused rollout
     * @param n      candidates per call
     * @return the rows of {@code start_state} this adapter sends per call: 1 when the rollout graph broadcasts one
     *     start over every candidate ({@link FusedRollout#broadcastsStart()}), else {@code n}
     */
    public static int startRows(Bundle bundle, int n) {
        return new FusedRollout(bundle).broadcastsStart() ? 1 : n;
    }

    @Override
    public int stateSize() {
        return stateSize;
    }

    @Override
    public int actionCount() {
        return rollout.actionCount();
    }

    /** @return H */
    public int horizon() {
        return horizon;
    }

    @Override
    public void score(float[] start, int[] actions, int n, int horizonArg, float[] returnsOut,
                      float[] disagreementOut) {
        if (closed) {
            throw new IllegalStateException("RolloutSequenceModel is closed");
        }
        if (horizonArg != horizon) {
            throw new IllegalArgumentException("horizon " + horizonArg + " differs from the fused rollout's " + horizon);
        }
        if (n < 1 || n > samples) {
            throw new IllegalArgumentException("n must be in [1, " + samples + "] (cem.samples), got " + n);
        }
        Inputs.requireLength("start", start.length, stateSize);
        Inputs.requireLength("actions", actions.length, (long) n * horizon);
        Inputs.requireLength("returnsOut", returnsOut.length, n);
        Inputs.requireFinite("start", start, stateSize);
        Inputs.requireActions("actions", actions, n * horizon, rollout.actionCount());
        call.resize(n, startRowsPerCall, 1); // no-op at n = cem.samples; the fixed-shape discount input keeps its value
        FloatBuffer starts = call.floats(0);
        for (int i = startRowsPerCall == 1 ? n - 1 : 0; i < n; i++) {
            starts.put(start, 0, stateSize);  // once when the graph broadcasts the start, else once per candidate
        }
        call.ints(1).put(actions, 0, n * horizon);
        call.run();
        call.outputFloats(0).get(returnsOut, 0, n);
        if (disagreementOut != null) {
            Inputs.requireLength("disagreementOut", disagreementOut.length, n);
            call.outputFloats(1).get(disagreementOut, 0, n);
        }
    }

    /** Returns the borrowed call to the component's pool. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            call.close();
        }
    }
}
