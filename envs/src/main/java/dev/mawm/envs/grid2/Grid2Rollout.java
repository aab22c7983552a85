package dev.mawm.envs.grid2;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/** Plays grid2 episodes with a policy. */
public final class Grid2Rollout {
    private Grid2Rollout() {
    }

    /**
     * Plays one episode from the environment's current state to its end.
     *
     * @param env    the environment (reset by the caller)
     * @param policy the policy of both agents
     * @param rng    the random stream
     * @param onStep called with the environment before the first step and after every step (e.g. to draw frames); may be null
     * @return the episode's summary
     */
    public static Grid2EpisodeStats play(Grid2Env env, Grid2Policy policy, SplittableRandom rng, Consumer<Grid2Env> onStep) {
        double ret = 0;
        if (onStep != null) {
            onStep.accept(env);
        }
        while (!env.done()) {
            int a0 = policy.act(env, 0, rng);
            int a1 = policy.act(env, 1, rng);
            ret += env.step(a0, a1).teamReward();
            if (onStep != null) {
                onStep.accept(env);
            }
        }
        return new Grid2EpisodeStats(env.steps(), env.terminated(), ret);
    }
}
