package dev.mawm.envs.grid2;

/**
 * The outcome of one grid2 step.
 *
 * @param reward0    agent 0's reward: +1 on first arrival plus shaping
 * @param reward1    agent 1's reward
 * @param done       the episode has ended ({@code terminated || truncated})
 * @param terminated both agents have arrived at the goal
 * @param truncated  the step limit was reached before both arrived
 */
public record Grid2StepResult(double reward0, double reward1, boolean done, boolean terminated, boolean truncated) {
    /**
     * @param agent 0 or 1
     * @return that agent's reward
     */
    public double reward(int agent) {
        Grid2World.requireAgent(agent);
        return agent == 0 ? reward0 : reward1;
    }

    /** @return the team reward (sum over both agents) */
    public double teamReward() {
        return reward0 + reward1;
    }
}
