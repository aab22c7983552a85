package dev.mawm.envs.collect;

import java.nio.file.Path;

/**
 * What a collection run produced.
 *
 * @param env         environment name
 * @param policy      behaviour policy string
 * @param episodes    episodes played
 * @param transitions steps taken (rows minus episodes)
 * @param rows        dataset rows (observations)
 * @param meanReturn  mean episode return (grid2: team return, summed over both agents)
 * @param meanSteps   mean episode length in steps
 * @param successRate grid2: fraction of episodes where both agents arrived; cartpole: fraction reaching the step limit
 * @param file        the dataset file
 * @param fileBytes   its size in bytes
 */
public record CollectSummary(String env, String policy, long episodes, long transitions, long rows, double meanReturn,
                             double meanSteps, double successRate, Path file, long fileBytes) {
}
