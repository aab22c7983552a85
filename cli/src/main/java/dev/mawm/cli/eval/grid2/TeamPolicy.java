package dev.mawm.cli.eval.grid2;

import dev.mawm.envs.grid2.Grid2Env;

/**
 * A way to choose both agents' actions in a grid2 episode. The evaluation hands the policy the environment; a
 * decentralized policy ({@link PlannerTeamPolicy}) passes each agent's planner only that agent's own observation and
 * what the communication mode delivers to it.
 */
interface TeamPolicy {

    /** @return the name in tables (e.g. {@code planner:first}) */
    String name();

    /**
     * Starts an episode.
     *
     * @param env  the episode's environment, at its start
     * @param seed the episode's seed for the policy's own randomness
     */
    void reset(Grid2Env env, long seed);

    /**
     * @param env        the environment before the step
     * @param actionsOut written: one action per agent
     */
    void act(Grid2Env env, int[] actionsOut);

    /**
     * Called after the environment stepped with {@code actions} (broadcasts for the next tick).
     *
     * @param env     the environment after the step
     * @param actions what each agent did
     */
    void afterStep(Grid2Env env, int[] actions);

    /** @return bits the agents sent each other so far this episode (both agents) */
    double bits();

    /** @return the part of {@link #bits()} that messages took (the rest: broadcast actions and plans) */
    default double messageBits() {
        return bits();
    }

    /** @return whether {@link #act} is a model-based decision worth timing */
    boolean timed();
}
