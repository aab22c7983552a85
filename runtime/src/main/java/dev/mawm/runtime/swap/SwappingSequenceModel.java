package dev.mawm.runtime.swap;

import dev.mawm.models.config.CemConfig;
import dev.mawm.planner.SequenceModel;
import dev.mawm.runtime.engine.RolloutSequenceModel;

/**
 * A planner's {@link SequenceModel} that follows a {@link BundleHolder}: every {@link #score} call runs under a
 * lease on the serving bundle, so a swap takes effect at the next call and never interrupts one. The fused
 * rollout adapter ({@link RolloutSequenceModel}) is rebuilt only when the generation changes (the one call after a
 * swap allocates; the others do not, apart from ONNX Runtime's own bookkeeping).
 *
 * <p>The holder only accepts bundles with the same state size, action count and horizon, so this model's
 * {@link #stateSize()} and {@link #actionCount()} never change. Not thread-safe (one per planner); close it.
 */
public final class SwappingSequenceModel implements SequenceModel, AutoCloseable {
    private final BundleHolder holder;
    private final CemConfig config;
    private final int stateSize;
    private final int actionCount;
    private RolloutSequenceModel cached;
    private long cachedGeneration = -1;

    /**
     * @param holder the serving bundles
     * @param config the planner config (samples, horizon, discount)
     */
    public SwappingSequenceModel(BundleHolder holder, CemConfig config) {
        this.holder = holder;
        this.config = config;
        this.stateSize = holder.manifest().dims().stateSize();
        this.actionCount = holder.manifest().dims().actionCount();
    }

    @Override
    public int stateSize() {
        return stateSize;
    }

    @Override
    public int actionCount() {
        return actionCount;
    }

    /** @return the generation the last call ran on, or -1 before the first call */
    public long lastGeneration() {
        return cachedGeneration;
    }

    @Override
    public void score(float[] start, int[] actions, int n, int horizon, float[] returnsOut, float[] disagreementOut) {
        try (BundleLease lease = holder.acquire()) {
            if (lease.generation() != cachedGeneration) {
                if (cached != null) {
                    cached.close();
                    cached = null;
                }
                cached = new RolloutSequenceModel(lease.bundle(), config);
                cachedGeneration = lease.generation();
            }
            cached.score(start, actions, n, horizon, returnsOut, disagreementOut);
        }
    }

    /** Returns the cached adapter's borrowed call. Idempotent. */
    @Override
    public void close() {
        if (cached != null) {
            cached.close();
            cached = null;
        }
    }
}
