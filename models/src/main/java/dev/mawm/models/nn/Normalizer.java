package dev.mawm.models.nn;

import dev.mawm.models.checkpoint.Moments;
import dev.mawm.models.checkpoint.Range;
import dev.mawm.models.ops.Ops;

/**
 * Normalization written against {@link Ops}, with the statistics as graph constants (the exporter bakes
 * them in this way too). Constants are float32 computed in double from the stored moments.
 *
 * @param obs moments of the raw state (width S)
 * @param delta moments of the one-step change {@code next − current} (width S)
 * @param reward the range of the training rewards, or {@code null} (nothing to clip to)
 */
public record Normalizer(Moments obs, Moments delta, Range reward) {

    /** Checks both moments have the same width. */
    public Normalizer {
        if (obs == null || delta == null || obs.dim() != delta.dim()) {
            throw new IllegalArgumentException("normalizer needs obs and delta moments of the same width");
        }
    }

    /**
     * @param obs moments of the raw state
     * @param delta moments of the one-step change
     */
    public Normalizer(Moments obs, Moments delta) {
        this(obs, delta, null);
    }

    /**
     * A predicted reward clipped to the range the training rewards took ({@link #reward()}; unchanged without one):
     * a model must not promise more than the data ever paid, which is what a planner exploits where a head
     * extrapolates (docs/cartpole.md).
     *
     * @param ops the backend
     * @param r   predicted rewards, any shape
     * @param <T> tensor type
     * @return {@code min(max(r, reward.min), reward.max)}
     */
    public <T> T clipReward(Ops<T> ops, T r) {
        if (reward == null) {
            return r;
        }
        T low = ops.maximum(r, ops.scalar((float) reward.min()));
        return ops.neg(ops.maximum(ops.neg(low), ops.scalar((float) -reward.max())));
    }

    /** @return the state width S */
    public int dim() {
        return obs.dim();
    }

    /**
     * @param ops the backend
     * @param raw {@code [..., S]} raw state
     * @param <T> tensor type
     * @return {@code (raw − mean) / std}, {@code [..., S]}
     */
    public <T> T normalize(Ops<T> ops, T raw) {
        return ops.div(ops.sub(raw, vec(ops, obs.mean())), vec(ops, obs.std()));
    }

    /**
     * @param ops the backend
     * @param normalized {@code [..., S]}
     * @param <T> tensor type
     * @return {@code normalized · std + mean}, raw units
     */
    public <T> T denormalize(Ops<T> ops, T normalized) {
        return ops.add(ops.mul(normalized, vec(ops, obs.std())), vec(ops, obs.mean()));
    }

    /**
     * The next normalized state from the current normalized state and a predicted normalized delta:
     * {@code sn + (dn · deltaStd + deltaMean) / obsStd}.
     *
     * @param ops the backend
     * @param stateN {@code [..., S]} normalized state
     * @param deltaN {@code [..., S]} normalized delta
     * @param <T> tensor type
     * @return {@code [..., S]} normalized next state
     */
    public <T> T stepNormalized(Ops<T> ops, T stateN, T deltaN) {
        return ops.add(stateN, ops.add(ops.mul(deltaN, vec(ops, stepScale())), vec(ops, stepShift())));
    }

    /** @return {@code deltaStd / obsStd} per dimension (float32 of the double quotient): the delta's scale in {@link #stepNormalized} */
    public float[] stepScale() {
        float[] scale = new float[dim()];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = (float) ((double) delta.std()[i] / obs.std()[i]);
        }
        return scale;
    }

    /** @return {@code deltaMean / obsStd} per dimension (float32 of the double quotient): the shift in {@link #stepNormalized} */
    public float[] stepShift() {
        float[] shift = new float[dim()];
        for (int i = 0; i < shift.length; i++) {
            shift[i] = (float) ((double) delta.mean()[i] / obs.std()[i]);
        }
        return shift;
    }

    /**
     * The next raw state from the current raw state and a predicted normalized delta:
     * {@code raw + dn · deltaStd + deltaMean}.
     *
     * @param ops the backend
     * @param raw {@code [..., S]}
     * @param deltaN {@code [..., S]}
     * @param <T> tensor type
     * @return {@code [..., S]} raw next state
     */
    public <T> T stepRaw(Ops<T> ops, T raw, T deltaN) {
        return ops.add(raw, ops.add(ops.mul(deltaN, vec(ops, delta.std())), vec(ops, delta.mean())));
    }

    private static <T> T vec(Ops<T> ops, float[] v) {
        return ops.constant(v, v.length);
    }
}
