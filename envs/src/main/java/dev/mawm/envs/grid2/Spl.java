package dev.mawm.envs.grid2;

/**
 * Success weighted by path length (Anderson et al. 2018, "On Evaluation of Embodied Navigation
 * Agents"): per agent {@code S · ℓ / max(p, ℓ)} with S whether it reached the goal, ℓ the shortest
 * path length from its start (BFS, what the full-map oracle walks) and p the path it took.
 *
 * <p>Path taken = steps until arrival (the arrival step): every step is a move attempt, so a stay
 * or a bump into a wall costs a step just as in the oracle's count. (Counting only moves that
 * changed the cell would reward dithering in place.) An agent that starts on the goal has ℓ = 0
 * and scores S.
 */
public final class Spl {
    private Spl() {
    }

    /**
     * One agent's SPL.
     *
     * @param success  whether it reached the goal
     * @param shortest shortest path length from its start, ≥ 0
     * @param taken    steps until arrival (ignored when {@code success} is false), ≥ shortest when successful
     * @return {@code success ? shortest / max(taken, shortest) : 0}, in [0, 1]
     * @throws IllegalArgumentException for a negative shortest path, or a successful path shorter than 0
     */
    public static double of(boolean success, int shortest, int taken) {
        if (shortest < 0) {
            throw new IllegalArgumentException("SPL shortest path length must be ≥ 0, got " + shortest);
        }
        if (!success) {
            return 0.0;
        }
        if (taken < 0) {
            throw new IllegalArgumentException("SPL path taken by a successful agent must be ≥ 0 steps, got " + taken);
        }
        if (shortest == 0) {
            return 1.0;
        }
        return (double) shortest / Math.max(taken, shortest);
    }

    /**
     * Mean of values (e.g. per-episode SPL).
     *
     * @param values the values
     * @return their mean, NaN when empty
     */
    public static double mean(double... values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return values.length == 0 ? Double.NaN : s / values.length;
    }
}
