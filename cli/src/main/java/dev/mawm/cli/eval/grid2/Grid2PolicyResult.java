package dev.mawm.cli.eval.grid2;

import dev.mawm.cli.eval.LatencyStats;

/**
 * One policy's figures over the seeded episodes of a grid2 evaluation.
 *
 * @param policy        the policy's name
 * @param episodes      episodes played, ≥ 1
 * @param teamSuccess   share of episodes in which both agents reached the goal within the step limit
 * @param meanSteps     mean steps of the successful episodes (NaN when none succeeded)
 * @param spl           success weighted by path length (Anderson et al. 2018), per agent: {@code 1[arrived] · L / max(P, L)}
 *                      with L the agent's BFS distance from its start and P its steps until arrival; mean over agents and episodes
 * @param arrival       share of agents (both, all episodes) that reached the goal
 * @param arrivalSeer   comm scenarios: share of episodes in which the agent that initially saw the goal arrived (NaN on random maps)
 * @param arrivalBlind  comm scenarios: share of episodes in which the agent that did not see the goal arrived (NaN on random maps)
 * @param blocked       share of the agents' move actions (not stay, before arrival) that left the agent in place because an
 *                      obstacle (or the grid's edge) was in the way: a policy that bumps into walls wastes its steps
 * @param bits          mean bits the two agents sent each other per episode
 * @param messageBits   the part of {@code bits} that messages took (without broadcast actions and plans)
 * @param latency       per-tick decision latency (both agents' plans), or null for untimed policies
 */
public record Grid2PolicyResult(String policy, int episodes, double teamSuccess, double meanSteps, double spl, double arrival,
                                double arrivalSeer, double arrivalBlind, double blocked, double bits, double messageBits,
                                LatencyStats latency) {
}
