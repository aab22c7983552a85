package dev.mawm.envs.grid2;

/**
 * A generated communication-test scenario: the goal lies inside exactly one agent's initial view.
 *
 * @param world        the map
 * @param mapSeed      the seed that generated {@code world} with {@link Grid2World#generate}
 * @param seeingAgent  the agent (0 or 1) whose initial view contains the goal
 */
public record Grid2Scenario(Grid2World world, long mapSeed, int seeingAgent) {
}
