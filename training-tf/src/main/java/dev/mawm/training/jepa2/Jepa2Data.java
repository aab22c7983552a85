package dev.mawm.training.jepa2;

import dev.mawm.envs.Envs;
import dev.mawm.envs.data.Dataset;
import dev.mawm.envs.data.DatasetSchema;
import dev.mawm.envs.data.RingBuffer;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import dev.mawm.training.data.EpisodeSplit;
import java.util.List;

/**
 * A grid2 dataset split by episode into training episodes (loaded into a {@link RingBuffer} for
 * sequence sampling with masks) and held-out episodes (evaluated row by row).
 */
public final class Jepa2Data {
    /** The fields the trainer samples, in buffer order (then {@link DatasetSchema#PROGRESS} when the dataset has it). */
    static final List<String> FIELDS = List.of(DatasetSchema.OBS, DatasetSchema.POS, DatasetSchema.MSG,
            DatasetSchema.ARRIVED, DatasetSchema.ACTION, DatasetSchema.REWARD, DatasetSchema.TERMINATED, DatasetSchema.TRUNCATED);
    private final Dataset dataset;
    private final Grid2Config grid;
    private final int[] starts;
    private final int[] trainEpisodes;
    private final int[] heldOutEpisodes;

    private Jepa2Data(Dataset dataset, Grid2Config grid, int[] starts, int[] train, int[] heldOut) {
        this.dataset = dataset;
        this.grid = grid;
        this.starts = starts;
        this.trainEpisodes = train;
        this.heldOutEpisodes = heldOut;
    }

    /**
     * Splits a grid2 dataset.
     *
     * @param dataset     a dataset of env {@code grid2}
     * @param valFraction fraction of episodes held out, in (0, 0.5]
     * @param seed        the split's seed
     * @return the split
     * @throws IllegalArgumentException for another env or fewer than 2 episodes
     */
    public static Jepa2Data split(Dataset dataset, double valFraction, long seed) {
        dataset.requireEnv(Envs.GRID2);
        Grid2Config grid = dataset.header().envConfig(Grid2Config.class);
        int[] starts = dataset.episodeStarts();
        int episodes = starts.length - 1;
        if (episodes < 2) {
            throw new IllegalArgumentException("dataset " + dataset.source() + " has " + episodes
                    + " episode(s); jepa2 training needs at least 2 (one is held out)");
        }
        EpisodeSplit split = EpisodeSplit.of(episodes, valFraction, seed);
        int[] train = split.train();
        int[] heldOut = split.validation();
        return new Jepa2Data(dataset, grid, starts, train, heldOut);
    }

    /** @return the dataset */
    public Dataset dataset() {
        return dataset;
    }

    /** @return the environment config the data was collected with */
    public Grid2Config grid() {
        return grid;
    }

    /** @return the model dimensions for this environment */
    public Jepa2Dims dims() {
        return Jepa2Dims.of(grid);
    }

    /** @return training episode indices, ascending */
    public int[] trainEpisodes() {
        return trainEpisodes.clone();
    }

    /** @return held-out episode indices, ascending */
    public int[] heldOutEpisodes() {
        return heldOutEpisodes.clone();
    }

    /**
     * Where an episode starts.
     *
     * @param episode an episode index
     * @return its first row
     */
    public int start(int episode) {
        return starts[episode];
    }

    /**
     * Where an episode ends.
     *
     * @param episode an episode index
     * @return one past its last row
     */
    public int end(int episode) {
        return starts[episode + 1];
    }

    /**
     * @return whether the dataset records every action's counterfactual progress ({@link DatasetSchema#PROGRESS}; files
     *     written before that field existed do not)
     */
    public boolean hasProgress() {
        return dataset.header().hasField(DatasetSchema.PROGRESS);
    }

    private List<String> fields() {
        if (!hasProgress()) {
            return FIELDS;
        }
        List<String> all = new java.util.ArrayList<>(FIELDS);
        all.add(DatasetSchema.PROGRESS);
        return all;
    }

    /**
     * @param seed the buffer's own sampling seed
     * @return a ring buffer holding exactly the training episodes' rows, fields {@link #FIELDS} (+ progress when present)
     */
    public RingBuffer trainBuffer(long seed) {
        return RingBuffer.of(dataset, fields(), trainEpisodes, seed);
    }

    /**
     * @param seed the buffer's own sampling seed
     * @return a ring buffer holding exactly the held-out episodes' rows, fields {@link #FIELDS} (+ progress when present)
     */
    public RingBuffer heldOutBuffer(long seed) {
        return RingBuffer.of(dataset, fields(), heldOutEpisodes, seed);
    }
}
