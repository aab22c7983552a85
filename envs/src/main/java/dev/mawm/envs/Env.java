package dev.mawm.envs;

import dev.mawm.envs.collect.CollectSummary;
import dev.mawm.models.config.CollectConfig;
import dev.mawm.models.config.MawmConfig;
import dev.mawm.models.progress.ProgressListener;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One environment as the command line and the trainer see it (not one episode: that is the simulator, e.g.
 * {@link dev.mawm.envs.grid2.Grid2Env}): its name, as written in datasets and bundles, and what can be done with
 * it. Registered in {@link Envs}.
 */
public interface Env {
    /** @return the env name, e.g. {@code grid2}, as written in dataset headers and checkpoint specs */
    String name();

    /**
     * Plays seeded episodes with a behaviour policy and writes them as a dataset ({@code docs/dataset-format.md}).
     *
     * @param config   the effective config (the env reads its own section)
     * @param collect  episodes, policy, seed and scenario
     * @param out      the dataset file (replaced atomically)
     * @param progress one step per episode
     * @return the summary
     * @throws IOException when writing fails
     * @throws IllegalArgumentException for a policy or scenario the env does not know
     */
    CollectSummary collect(MawmConfig config, CollectConfig collect, Path out, ProgressListener progress) throws IOException;

    /** @return whether the env has map scenarios besides {@code random} ({@code collect.scenario}) */
    boolean hasScenarios();

    /** @return whether {@code mawm render} can draw its maps */
    boolean renders();
}
