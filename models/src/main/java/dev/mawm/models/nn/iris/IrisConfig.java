package dev.mawm.models.nn.iris;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mawm.models.config.ConfigLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * Sizes, windows and loss weights of the IRIS token world model {@code iris} (DESIGN §5, seed 002), the config section
 * {@code iris}. Generic optimizer settings (learning rate, Adam betas, seed, validation fraction, threads) come from
 * {@link dev.mawm.models.config.TrainConfig}; {@code steps} and {@code batch} are this family's own, as for
 * {@code jepa2}, because one step runs a {@code (M + T·B)}-token transformer per window. The seed's model (embed 256,
 * 10 layers, 4 heads, dropout 0.1, 16 tokens per frame) is scaled down to a 7×7 window on 2 CPU cores; there is no
 * dropout, so a run is deterministic per seed.
 *
 * @param embed          width D of every token embedding and of the transformer, divisible by {@code heads}, 4..1024 (default 64)
 * @param heads          attention heads, each {@code D / heads} wide, 1..64 (default 4)
 * @param layers         pre-LayerNorm transformer blocks, 1..32 (default 2)
 * @param mlpHidden      width of each block's GELU MLP (the seed: 4·D), 1..8192 (default 256)
 * @param seqLen         steps T per training window (T blocks predict frames 1..T from frames 0..T−1), 1..64 (default 4)
 * @param memory         earlier step blocks each block attends to besides its own and the message, 0..256 (default 1):
 *                       the attention window. Stacked blocks see {@code layers·memory} earlier steps, which must be at
 *                       most {@code seqLen − 1}, so an imagined rollout longer than {@code seqLen} never sees more history
 *                       than training did
 * @param maxSteps       rows of the step embedding: blocks carry step indices 1..maxSteps (training draws a random
 *                       offset per window so every row is trained); at least {@code seqLen} and the planning horizon,
 *                       1..256 (default 16)
 * @param batch          windows per optimizer step, 1..4096 (default 16)
 * @param steps          optimizer steps, 1..10000000 (default 3000)
 * @param positionWeight weight of the next-position cross-entropy (the cells' cross-entropy has weight 1), in [0, 100] (default 1)
 * @param rewardWeight   weight of the reward MSE, in [0, 100] (default 1)
 * @param doneWeight     weight of the termination cross-entropy, in [0, 100] (default 1)
 * @param messageDropout share of training windows whose message context is replaced by "no information" tokens, so the
 *                       model also predicts without one (the {@code none} communication mode), in [0, 1] (default 0.25)
 */
public record IrisConfig(
        int embed,
        int heads,
        int layers,
        int mlpHidden,
        int seqLen,
        int memory,
        int maxSteps,
        int batch,
        int steps,
        double positionWeight,
        double rewardWeight,
        double doneWeight,
        double messageDropout) {

    /** Validates every field. */
    public IrisConfig {
        range("iris.embed", embed, 4, 1024);
        range("iris.heads", heads, 1, 64);
        if (embed % heads != 0) {
            throw new IllegalArgumentException("iris.embed (" + embed + ") must be divisible by iris.heads (" + heads + ")");
        }
        range("iris.layers", layers, 1, 32);
        range("iris.mlpHidden", mlpHidden, 1, 8192);
        range("iris.seqLen", seqLen, 1, 64);
        range("iris.memory", memory, 0, 256);
        range("iris.maxSteps", maxSteps, 1, 256);
        if (seqLen > maxSteps) {
            throw new IllegalArgumentException("iris.seqLen (" + seqLen + ") must be at most iris.maxSteps (" + maxSteps + ")");
        }
        if ((long) layers * memory > seqLen - 1) {
            throw new IllegalArgumentException("iris.layers × iris.memory (" + layers + " × " + memory + ") must be at most iris.seqLen − 1 ("
                    + (seqLen - 1) + "): the blocks would see more history in a rollout than in a training window");
        }
        range("iris.batch", batch, 1, 4096);
        range("iris.steps", steps, 1, 10_000_000);
        weight("iris.positionWeight", positionWeight, 100);
        weight("iris.rewardWeight", rewardWeight, 100);
        weight("iris.doneWeight", doneWeight, 100);
        weight("iris.messageDropout", messageDropout, 1);
    }

    /** @return the defaults (see each field) */
    public static IrisConfig defaults() {
        return new IrisConfig(64, 4, 2, 256, 4, 1, 16, 16, 3000, 1, 1, 1, 0.25);
    }

    /**
     * A small, fast configuration for smoke tests and {@code --quick} runs: width 32, 2 heads, 1 block, MLP 64, windows
     * of 3 steps with memory 2 and 8 step rows, 8 windows per step, 150 steps; the loss weights of the defaults.
     *
     * @return the quick config
     */
    public static IrisConfig quick() {
        return new IrisConfig(32, 2, 1, 64, 3, 2, 8, 8, 150, 1, 1, 1, 0.25);
    }

    /**
     * {@link #quick()} as {@code key.path=value} overrides of the {@code iris} section.
     *
     * @return one override per field of the quick config
     */
    public static List<String> quickOverrides() {
        List<String> out = new ArrayList<>();
        JsonNode tree = ConfigLoader.toTree(quick());
        tree.fields().forEachRemaining(e -> out.add("iris." + e.getKey() + "=" + e.getValue().asText()));
        return out;
    }

    /** @return the width of one attention head, {@code embed / heads} */
    public int headWidth() {
        return embed / heads;
    }

    private static void range(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }

    private static void weight(String name, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [0, " + (long) max + "], got " + value);
        }
    }
}
