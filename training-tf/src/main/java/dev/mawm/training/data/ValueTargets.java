package dev.mawm.training.data;

import dev.mawm.models.config.MlpConfig;

/**
 * The {@code mlp} value head's targets: for transition t of an episode, the discounted return of the next
 * {@code steps} transitions, {@code G_t = Σ_{k<steps} γ^k · r_{t+k}}, divided by {@code scale = Σ_{k<steps} γ^k} (so a
 * reward of 1 every step gives 1). Rewards past a termination are 0, so every row of an episode that ended by
 * termination has a known target; in an episode cut by the step limit (truncated), a row whose window reaches past
 * the episode's end has an unknown tail and gets mask 0.
 *
 * @param target {@code [n]} {@code G_t / scale} (0 where masked)
 * @param mask   {@code [n]} 1 where the target is known
 */
public record ValueTargets(float[] target, float[] mask) {
    /** Checks that both arrays exist and have one entry per transition. */
    public ValueTargets {
        if (target == null || mask == null || target.length != mask.length) {
            throw new IllegalArgumentException("value targets need target and mask of the same length");
        }
    }

    /**
     * @param t        the transitions, grouped by episode
     * @param steps    how many transitions the return covers, ≥ 1
     * @param discount γ in (0, 1]
     * @return the targets and their mask
     * @throws IllegalArgumentException for {@code steps} &lt; 1 or γ outside (0, 1]
     */
    public static ValueTargets of(Transitions t, int steps, double discount) {
        if (steps < 1 || !(discount > 0 && discount <= 1)) {
            throw new IllegalArgumentException("value targets need steps >= 1 and a discount in (0, 1], got " + steps + ", " + discount);
        }
        double scale = MlpConfig.discountedSum(steps, discount);
        double tailFactor = Math.pow(discount, steps);  // γ^steps: what leaves the window when it slides by one
        float[] reward = t.reward();
        float[] done = t.done();
        float[] target = new float[reward.length];
        float[] mask = new float[reward.length];
        for (int e = 0; e < t.episodeCount(); e++) {
            int from = t.episodeStart(e);
            int end = from + t.episodeLength(e);
            boolean terminated = end > from && done[end - 1] != 0;
            // backward: G_t = r_t + γ·G_{t+1} − γ^steps · r_{t+steps} (the window slides by one)
            double g = 0;
            for (int i = end - 1; i >= from; i--) {
                g = reward[i] + discount * g - (i + steps < end ? tailFactor * reward[i + steps] : 0);
                boolean known = terminated || i + steps <= end;
                target[i] = known ? (float) (g / scale) : 0f;
                mask[i] = known ? 1f : 0f;
            }
        }
        return new ValueTargets(target, mask);
    }
}
