package dev.mawm.runtime.swap;

import dev.mawm.planner.team.RolloutBatch;
import dev.mawm.planner.team.TeamModel;
import dev.mawm.runtime.engine.Jepa2TeamModel;
import java.util.Objects;

/**
 * The decentralized planner's {@link TeamModel} that follows a {@link BundleHolder} of {@code jepa2} bundles. It
 * holds a lease on one bundle and serves every call from it until {@link #refresh()}, which the game loop calls
 * between ticks (before the agents observe): then it moves to the newest bundle the holder serves, and its
 * {@link #generation()} changes, so each {@link dev.mawm.planner.team.AgentPlanner} re-derives the latents it holds
 * (j's imagined latent from the raw message and actions it kept) with the new networks. No tick ever mixes two models.
 *
 * <p>The holder only accepts bundles whose components keep their exact inputs and outputs, so the sizes
 * (observation, message, latent, horizon, actions) never change. Not thread-safe (one per team); close it.
 */
public final class SwappingTeamModel implements TeamModel, AutoCloseable {
    private final BundleHolder holder;
    private final double discount;
    private BundleLease lease;
    private Jepa2TeamModel model;
    private long scoreCalls;
    private boolean closed;

    /**
     * @param holder   the serving jepa2 bundles (vector message mode, with a fused rollout)
     * @param discount γ of the returns, in (0, 1]
     * @throws IllegalArgumentException when the serving bundle cannot serve the planner ({@link Jepa2TeamModel})
     */
    public SwappingTeamModel(BundleHolder holder, double discount) {
        this.holder = Objects.requireNonNull(holder, "holder");
        this.discount = discount;
        this.lease = holder.acquire();
        try {
            this.model = new Jepa2TeamModel(lease.bundle(), discount);
        } catch (RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /**
     * Moves to the holder's newest bundle, if it changed. Call between ticks, before the agents observe.
     *
     * @return true when this model now serves a newer bundle
     * @throws IllegalArgumentException when the new bundle cannot serve the planner (this model keeps the old one)
     */
    public boolean refresh() {
        requireOpen();
        if (holder.generation() == lease.generation()) {
            return false;
        }
        BundleLease next = holder.acquire();
        Jepa2TeamModel fresh;
        try {
            fresh = new Jepa2TeamModel(next.bundle(), discount);
        } catch (RuntimeException e) {
            next.close();
            throw e;
        }
        scoreCalls += model.scoreCalls();
        lease.close();
        lease = next;
        model = fresh;
        return true;
    }

    /** @return the generation of the bundle this model serves (the holder's numbering: 1 for its first bundle) */
    @Override
    public long generation() {
        return lease.generation();
    }

    /** @return fused-rollout calls over every bundle served so far (one ONNX Runtime call each) */
    public long scoreCalls() {
        return scoreCalls + model.scoreCalls();
    }

    @Override
    public int observationSize() {
        return model.observationSize();
    }

    @Override
    public int messageLength() {
        return model.messageLength();
    }

    @Override
    public int latentSize() {
        return model.latentSize();
    }

    @Override
    public int actionCount() {
        return model.actionCount();
    }

    @Override
    public int horizon() {
        return model.horizon();
    }

    @Override
    public void encode(float[] observation, float[] zOut) {
        requireOpen();
        model.encode(observation, zOut);
    }

    @Override
    public void encodeMessage(int[] message, float[] hOut) {
        requireOpen();
        model.encodeMessage(message, hOut);
    }

    @Override
    public void obsPred(float[] h, float[] zOut) {
        requireOpen();
        model.obsPred(h, zOut);
    }

    @Override
    public void imagineStep(float[] z, int action, float[] heard, float[] zOut, float[] hOut) {
        requireOpen();
        model.imagineStep(z, action, heard, zOut, hOut);
    }

    @Override
    public void score(RolloutBatch batch) {
        requireOpen();
        model.score(batch);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("swapping team model is closed");
        }
    }

    /** Returns the lease (the bundle closes once the holder no longer serves it). Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            lease.close();
        }
    }
}
