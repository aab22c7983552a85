package dev.mawm.export.graphs;

import dev.mawm.models.ops.Ops;

/**
 * Accumulates one model's done-aware discounted return over a rollout:
 * {@code R = Σ_k γ^k · alive_k · r_k}, {@code alive_0 = 1}, {@code alive_{k+1} = alive_k · (1 − p_k)} where
 * {@code p_k} is the predicted probability that the state reached by step k is terminal. This is the
 * expected discounted return when termination is Bernoulli(p); the reward of the terminating step
 * counts. Without a done head {@code p_k = 0}.
 *
 * @param <T> the backend's tensor type
 */
final class Discounted<T> {
    private final Ops<T> ops;
    private final T discount;
    private T weight;
    private T alive;
    private T sum;

    /**
     * @param ops the backend
     * @param discount γ, {@code [1]}
     */
    Discounted(Ops<T> ops, T discount) {
        this.ops = ops;
        this.discount = discount;
    }

    /**
     * @param reward {@code [N]} the step's predicted reward
     * @param doneProb {@code [N]} probability that the step's next state is terminal, or {@code null}
     */
    void step(T reward, T doneProb) {
        T w = weight == null ? reward : ops.mul(reward, weight);  // γ^k · r_k, [N]
        if (alive != null) {
            w = ops.mul(w, alive);
        }
        sum = sum == null ? w : ops.add(sum, w);
        if (doneProb != null) {
            T survive = ops.sub(ops.scalar(1f), doneProb);  // [N]
            alive = alive == null ? survive : ops.mul(alive, survive);
        }
        weight = weight == null ? discount : ops.mul(weight, discount);  // γ^(k+1), [1]
    }

    /** @return {@code [N]} the return so far */
    T total() {
        if (sum == null) {
            throw new IllegalStateException("no step was accumulated");
        }
        return sum;
    }
}
