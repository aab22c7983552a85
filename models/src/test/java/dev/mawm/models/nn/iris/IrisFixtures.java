package dev.mawm.models.nn.iris;

import dev.mawm.models.ops.ParamSpec;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small iris model and window for tests: 6×5 grid, 3×3 view (9 cells), 5 actions, 5 object types, messages with a
 * position (M = 11, B = 12); width 8, 2 heads, 2 blocks, MLP 16, memory 1, 4 step rows; every parameter random.
 */
public final class IrisFixtures {
    /** The dimensions. */
    public static final IrisDims DIMS = new IrisDims(6, 5, 3, 5, 5, true);
    /** The config. */
    public static final IrisConfig CONFIG = new IrisConfig(8, 2, 2, 16, 3, 1, 4, 4, 10, 0.5, 2, 0.7, 0.25);

    private IrisFixtures() {
    }

    /** @return the model of {@link #DIMS} and {@link #CONFIG} */
    public static IrisModel model() {
        return new IrisModel(CONFIG, DIMS);
    }

    /**
     * @param specs the declared parameters
     * @param seed  the seed
     * @return a reference backend with every parameter uniform in [−0.5, 0.5) (LayerNorm gains around 1)
     */
    public static RefOps randomParams(List<ParamSpec> specs, long seed) {
        return new RefOps(randomValues(specs, seed));
    }

    /**
     * @param specs the declared parameters
     * @param seed  the seed
     * @return the values of {@link #randomParams}
     */
    public static Map<String, RefTensor> randomValues(List<ParamSpec> specs, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, RefTensor> p = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            float[] v = new float[(int) s.size()];
            boolean gain = s.name().endsWith(".gamma");
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (rng.nextDouble() - 0.5 + (gain ? 1 : 0));
            }
            p.put(s.name(), RefTensor.of(v, s.shape()));
        }
        return p;
    }

    /** A window of {@code n} rows and {@code t} steps (frames 0..t when {@code frames} is t + 1). */
    public record Window(RefTensor cells, RefTensor pos, RefTensor actions, RefTensor steps, RefTensor message) {
    }

    /**
     * @param n      rows
     * @param t      steps (blocks)
     * @param frames frames per row: {@code t} for a forward pass, {@code t + 1} for training
     * @param seed   the seed
     * @return random valid tokens
     */
    public static Window window(int n, int t, int frames, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int c = DIMS.cells();
        int[] cells = new int[n * frames * c];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = rng.nextInt(DIMS.objectTypes());
        }
        int[] pos = new int[n * frames * 2];
        for (int i = 0; i < pos.length; i += 2) {
            pos[i] = rng.nextInt(DIMS.width());
            pos[i + 1] = rng.nextInt(DIMS.height());
        }
        int[] actions = new int[n * t];
        int[] steps = new int[n * t];
        for (int r = 0; r < n; r++) {
            int offset = rng.nextInt(CONFIG.maxSteps() - t + 1);
            for (int k = 0; k < t; k++) {
                actions[r * t + k] = rng.nextInt(DIMS.actions());
                steps[r * t + k] = offset + k + 1;
            }
        }
        int m = DIMS.messageTokens();
        int[] message = new int[n * m];
        for (int r = 0; r < n; r++) {
            for (int k = 0; k < c; k++) {
                message[r * m + k] = rng.nextInt(DIMS.objectTypes() + 1); // K = no information
            }
            message[r * m + c] = rng.nextInt(DIMS.width() + 1);
            message[r * m + c + 1] = rng.nextInt(DIMS.height() + 1);
        }
        return new Window(RefTensor.ofInts(cells, n, frames, c), RefTensor.ofInts(pos, n, frames, 2), RefTensor.ofInts(actions, n, t),
                RefTensor.ofInts(steps, n, t), RefTensor.ofInts(message, n, m));
    }
}
