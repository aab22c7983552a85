package dev.mawm.envs.grid2;

/**
 * Summary of one played grid2 episode.
 *
 * @param steps      steps taken
 * @param success    both agents reached the goal
 * @param teamReturn sum over steps and both agents of the rewards
 */
public record Grid2EpisodeStats(int steps, boolean success, double teamReturn) {
}
