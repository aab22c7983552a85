package dev.mawm.models.config;

/**
 * Configuration of the discrete cross-entropy-method planner (CEM-MPC, DESIGN §7), one per agent.
 *
 * <p>Immutable; every field is validated in the compact constructor and a violation throws
 * {@link IllegalArgumentException} naming the field and its allowed range. Constraints that depend on
 * the model (e.g. {@code pMin × actionCount < 1}) are checked by the planner that knows the action count.
 *
 * @param horizon     planning horizon H in steps, 1..1000 (default 12)
 * @param samples     candidate sequences N scored per CEM iteration (one batched model call), 2..1000000 (default 256)
 * @param elites      top-K sequences that refit the distribution, 1..samples (default 32)
 * @param iterations  CEM iterations I per planning tick, 1..1000 (default 4)
 * @param alpha       smoothing of the update {@code p ← α·freq(elites) + (1−α)·p}, in (0, 1] (default 0.7)
 * @param pMin        floor on every categorical probability before renormalizing, in [0, 1) (default 0.01)
 * @param discount    per-step discount γ of the predicted rewards, applied by the model adapter, in (0, 1] (default 0.99)
 * @param keepElites  best sequences carried into the next iteration and, shifted by one step, into the next tick
 *                    (iCEM's keep-elites), 0..elites (default 4)
 * @param includeMode whether the current most likely sequence (per-step argmax) is always among the candidates (default true)
 * @param beta        ensemble-disagreement penalty: score = discounted return − β·disagreement, finite and ≥ 0
 *                    (default 0: with the default CartPole data, which covers the track, a penalty pulls the plans towards
 *                    what the data's controller did, including its runs into the track ends, docs/cartpole.md; β 3 kept
 *                    the plans of models trained on centred data where the members agree. A model without an ensemble
 *                    has no disagreement, and 0 lets the model skip computing it)
 * @param seed        seed of the planner's random generator; equal seeds give identical plans (default 0)
 */
public record CemConfig(
        int horizon,
        int samples,
        int elites,
        int iterations,
        double alpha,
        double pMin,
        double discount,
        int keepElites,
        boolean includeMode,
        double beta,
        long seed) {

    /** Validates every field. */
    public CemConfig {
        requireRange("cem.horizon", horizon, 1, 1000);
        requireRange("cem.samples", samples, 2, 1_000_000);
        requireRange("cem.elites", elites, 1, samples);
        requireRange("cem.iterations", iterations, 1, 1000);
        if (!(alpha > 0.0 && alpha <= 1.0)) {
            throw new IllegalArgumentException("cem.alpha must be in (0, 1], got " + alpha);
        }
        if (!(pMin >= 0.0 && pMin < 1.0)) {
            throw new IllegalArgumentException("cem.pMin must be in [0, 1), got " + pMin);
        }
        if (!(discount > 0.0 && discount <= 1.0)) {
            throw new IllegalArgumentException("cem.discount must be in (0, 1], got " + discount);
        }
        requireRange("cem.keepElites", keepElites, 0, elites);
        int injected = keepElites + (includeMode ? 1 : 0);
        if (injected >= samples) {
            throw new IllegalArgumentException("cem.keepElites + (cem.includeMode ? 1 : 0) must be < cem.samples ("
                    + samples + ") so that at least one sequence is sampled, got " + injected);
        }
        if (!(beta >= 0.0 && beta < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("cem.beta must be finite and >= 0, got " + beta);
        }
    }

    /** @return the DESIGN §7 defaults: H 12, N 256, K 32, I 4, α 0.7, p_min 0.01, γ 0.99, keep 4, mode on, β 0, seed 0 */
    public static CemConfig defaults() {
        return new CemConfig(12, 256, 32, 4, 0.7, 0.01, 0.99, 4, true, 0.0, 0L);
    }

    /**
     * @param newSeed the seed to use
     * @return a copy of this config with {@code seed} replaced (e.g. one seed per agent)
     */
    public CemConfig withSeed(long newSeed) {
        return new CemConfig(horizon, samples, elites, iterations, alpha, pMin, discount, keepElites,
                includeMode, beta, newSeed);
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
