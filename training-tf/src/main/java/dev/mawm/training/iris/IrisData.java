package dev.mawm.training.iris;

import dev.mawm.envs.Envs;
import dev.mawm.envs.data.Dataset;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.nn.iris.IrisDims;
import dev.mawm.training.data.EpisodeSplit;

/**
 * A grid2 dataset split by whole episodes ({@link EpisodeSplit}) into training and held-out episodes, with its rows
 * and the window builder over them.
 */
public final class IrisData {
    private final Dataset dataset;
    private final Grid2Config grid;
    private final IrisDims dims;
    private final IrisWindows windows;
    private final int[] trainEpisodes;
    private final int[] heldOutEpisodes;

    private IrisData(Dataset dataset, Grid2Config grid, IrisWindows windows, int[] train, int[] heldOut) {
        this.dataset = dataset;
        this.grid = grid;
        this.dims = IrisDims.of(grid);
        this.windows = windows;
        this.trainEpisodes = train;
        this.heldOutEpisodes = heldOut;
    }

    /**
     * @param dataset     a dataset of env {@code grid2}
     * @param valFraction fraction of episodes held out
     * @param seed        the split's seed
     * @return the split
     * @throws IllegalArgumentException for another env or fewer than 2 episodes
     */
    public static IrisData split(Dataset dataset, double valFraction, long seed) {
        dataset.requireEnv(Envs.GRID2);
        Grid2Config grid = dataset.header().envConfig(Grid2Config.class);
        IrisRows rows = IrisRows.of(dataset);
        if (rows.episodes() < 2) {
            throw new IllegalArgumentException("dataset " + dataset.source() + " has " + rows.episodes()
                    + " episode(s); iris training needs at least 2 (one is held out)");
        }
        EpisodeSplit split = EpisodeSplit.of(rows.episodes(), valFraction, seed);
        IrisWindows w = new IrisWindows(rows, IrisDims.of(grid));
        if (w.startRows(split.train()).length == 0) {
            throw new IllegalArgumentException("dataset " + dataset.source() + ": its training episodes have no transition");
        }
        return new IrisData(dataset, grid, w, split.train(), split.validation());
    }

    /** @return the dataset */
    public Dataset dataset() {
        return dataset;
    }

    /** @return the environment config the data was collected with */
    public Grid2Config grid() {
        return grid;
    }

    /** @return the model's dimensions for this environment */
    public IrisDims dims() {
        return dims;
    }

    /** @return the window builder over every row */
    public IrisWindows windows() {
        return windows;
    }

    /** @return the rows */
    public IrisRows rows() {
        return windows.rows();
    }

    /** @return training episode indices, ascending */
    public int[] trainEpisodes() {
        return trainEpisodes.clone();
    }

    /** @return held-out episode indices, ascending */
    public int[] heldOutEpisodes() {
        return heldOutEpisodes.clone();
    }
}
