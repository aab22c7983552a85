package dev.mawm.planner.team;

import java.util.Objects;

/**
 * The inputs and outputs of one {@link TeamModel#score} call: G agents' rollout contexts and N candidates each,
 * in flat preallocated arrays (no allocation per call). Agent g owns context row g and candidate rows
 * {@code [g·N, (g+1)·N)}.
 *
 * <p>For agent g (written i below; j is the other agent, as i knows it), step k = 0 … H−1 of a candidate
 * {@code a_0 … a_{H−1}}:
 * <pre>
 * zⁱ_0 = zSelf[g]      zʲ_0 = zOther[g]      hⁱ_0 = hSelf[g]
 * hʲ_k = otherMask[g,k] · otherMessages[g,k] + (1 − otherMask[g,k]) · msgPred(zʲ_k)   (real where masked in, else imagined)
 * r_k  = reward(zⁱ_k, a_k, hʲ_k)                    (the model's per-step score: arrival, shaping)
 * zⁱ_{k+1} = predict(zⁱ_k, a_k, hʲ_k)              hⁱ_{k+1} = msgPred(zⁱ_{k+1})
 * zʲ_{k+1} = predict(zʲ_k, otherActions[g,k], hⁱ_k)
 * return = Σ_k γ^k · alive_k · r_k,  alive_0 = 1, alive_{k+1} = alive_k · (1 − done(zⁱ_k, a_k))
 * </pre>
 * A message latent of all zeros with mask 1 is "no message" (mode {@code none}).
 */
public final class RolloutBatch {
    private final int capacity;
    private final int samples;
    private final int horizon;
    private final int latent;
    private int agents;
    private final float[] zSelf;          // [G, L]
    private final float[] zOther;         // [G, L]
    private final float[] hSelf;          // [G, L]
    private final float[] otherMessages;  // [G, H, L]
    private final float[] otherMask;      // [G, H]
    private final int[] otherActions;     // [G, H]
    private final int[] actions;          // [G, N, H]
    private final float[] returns;        // [G, N]

    /**
     * @param capacity the most agents one call scores, ≥ 1
     * @param samples  N, candidates per agent, ≥ 1
     * @param horizon  H, ≥ 1
     * @param latent   L, ≥ 1
     */
    public RolloutBatch(int capacity, int samples, int horizon, int latent) {
        require("capacity", capacity);
        require("samples", samples);
        require("horizon", horizon);
        require("latent", latent);
        if ((long) capacity * samples * Math.max(horizon, latent) > Integer.MAX_VALUE - 8
                || (long) capacity * horizon * latent > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("rollout batch too large: " + capacity + " agents × " + samples + " samples × "
                    + horizon + " steps × " + latent + " latent");
        }
        this.capacity = capacity;
        this.samples = samples;
        this.horizon = horizon;
        this.latent = latent;
        this.agents = capacity;
        zSelf = new float[capacity * latent];
        zOther = new float[capacity * latent];
        hSelf = new float[capacity * latent];
        otherMessages = new float[capacity * horizon * latent];
        otherMask = new float[capacity * horizon];
        otherActions = new int[capacity * horizon];
        actions = new int[capacity * samples * horizon];
        returns = new float[capacity * samples];
    }

    private static void require(String what, int v) {
        if (v < 1) {
            throw new IllegalArgumentException("rollout batch " + what + " must be >= 1, got " + v);
        }
    }

    /** @return the most agents this batch holds */
    public int capacity() {
        return capacity;
    }

    /** @return G, the agents the next {@link TeamModel#score} call scores (rows {@code [0, G)}) */
    public int agents() {
        return agents;
    }

    /**
     * @param g the number of agents to score next, in {@code [1, capacity]}
     */
    public void setAgents(int g) {
        if (g < 1 || g > capacity) {
            throw new IllegalArgumentException("agents must be in [1, " + capacity + "], got " + g);
        }
        this.agents = g;
    }

    /** @return N */
    public int samples() {
        return samples;
    }

    /** @return H */
    public int horizon() {
        return horizon;
    }

    /** @return L */
    public int latent() {
        return latent;
    }

    /** @return zⁱ_0 per agent, {@code [capacity, L]} */
    public float[] zSelf() {
        return zSelf;
    }

    /** @return zʲ_0 per agent, {@code [capacity, L]} */
    public float[] zOther() {
        return zOther;
    }

    /** @return hⁱ_0 per agent (its own real message latent), {@code [capacity, L]} */
    public float[] hSelf() {
        return hSelf;
    }

    /** @return real message latents of j per agent and step, {@code [capacity, H, L]} (read where the mask is 1) */
    public float[] otherMessages() {
        return otherMessages;
    }

    /** @return 1 where {@link #otherMessages()} holds j's message at that step, 0 where it is imagined, {@code [capacity, H]} */
    public float[] otherMask() {
        return otherMask;
    }

    /** @return j's actions over the horizon per agent (broadcast plan, or a default), {@code [capacity, H]} */
    public int[] otherActions() {
        return otherActions;
    }

    /** @return candidates, {@code [capacity, N, H]}: element {@code (g·N + n)·H + k} */
    public int[] actions() {
        return actions;
    }

    /** @return written by the model: predicted discounted returns, {@code [capacity, N]} */
    public float[] returns() {
        return returns;
    }

    /**
     * @param g an agent row
     * @return its offset into {@link #actions()}
     */
    public int actionOffset(int g) {
        Objects.checkIndex(g, capacity);
        return g * samples * horizon;
    }
}
