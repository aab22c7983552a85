package dev.mawm.training.jepa2;

import dev.mawm.envs.data.Dataset;
import dev.mawm.envs.data.DatasetSchema;
import dev.mawm.envs.data.FieldSpec;
import dev.mawm.envs.data.RingBuffer;
import dev.mawm.envs.grid2.Grid2World;
import dev.mawm.models.config.Grid2Config;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A grid2 dataset split by episode into training episodes (loaded into a {@link RingBuffer} for
 * sequence sampling with masks) and held-out episodes (evaluated row by row).
 */
public final class Jepa2Data {
    /** The fields the trainer samples, in buffer order. */
    static final List<String> FIELDS = List.of(DatasetSchema.OBS, DatasetSchema.POS, DatasetSchema.MSG,
            DatasetSchema.ARRIVED, DatasetSchema.ACTION, DatasetSchema.TERMINATED, DatasetSchema.TRUNCATED);
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
        dataset.requireEnv("grid2");
        Grid2Config grid = dataset.header().envConfig(Grid2Config.class);
        int[] starts = dataset.episodeStarts();
        int episodes = starts.length - 1;
        if (episodes < 2) {
            throw new IllegalArgumentException("dataset " + dataset.source() + " has " + episodes
                    + " episode(s); jepa2 training needs at least 2 (one is held out)");
        }
        int[] order = new int[episodes];
        for (int i = 0; i < episodes; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5EED5L);
        for (int i = episodes - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int held = Math.max(1, Math.min(episodes - 1, (int) Math.round(valFraction * episodes)));
        int[] heldOut = Arrays.copyOfRange(order, 0, held);
        int[] train = Arrays.copyOfRange(order, held, episodes);
        Arrays.sort(heldOut);
        Arrays.sort(train);
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

    /** @param episode an episode index @return its first row */
    public int start(int episode) {
        return starts[episode];
    }

    /** @param episode an episode index @return one past its last row */
    public int end(int episode) {
        return starts[episode + 1];
    }

    /**
     * @param seed the sampling seed
     * @return a ring buffer holding exactly the training episodes' rows, fields {@link #FIELDS}
     */
    public RingBuffer trainBuffer(long seed) {
        List<FieldSpec> specs = new ArrayList<>();
        List<Object> cols = new ArrayList<>();
        for (String f : FIELDS) {
            specs.add(dataset.header().field(f));
            cols.add(column(f));
        }
        int rows = 0;
        for (int e : trainEpisodes) {
            rows += end(e) - start(e);
        }
        RingBuffer buffer = new RingBuffer(rows, specs, seed);
        Object[] row = new Object[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            row[i] = specs.get(i).dtype().allocate(specs.get(i).elements());
        }
        for (int e : trainEpisodes) {
            for (int r = start(e); r < end(e); r++) {
                for (int i = 0; i < specs.size(); i++) {
                    int n = specs.get(i).elements();
                    System.arraycopy(cols.get(i), r * n, row[i], 0, n);
                }
                buffer.add(e, row);
            }
        }
        return buffer;
    }

    private Object column(String name) {
        FieldSpec f = dataset.header().field(name);
        return switch (f.dtype()) {
            case F32 -> dataset.column(name).floats();
            case I32 -> dataset.column(name).ints();
            case U8 -> dataset.column(name).bytes();
        };
    }

    /** @return agents per row (2) */
    static int agents() {
        return Grid2World.AGENTS;
    }
}
