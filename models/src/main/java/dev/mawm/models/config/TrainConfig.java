package dev.mawm.models.config;

/**
 * Configuration of a training run ({@code mawm train}), shared by every model family.
 *
 * @param steps       maximum number of optimizer steps, 1..10000000 (default 6000)
 * @param batch       examples per step: transitions for {@code mlp}, sequence windows for {@code gru}, 1..65536 (default 256)
 * @param lr          Adam learning rate, in (0, 1] (default 0.001)
 * @param beta1       Adam first-moment decay, in [0, 1) (default 0.9)
 * @param beta2       Adam second-moment decay, in [0, 1) (default 0.999)
 * @param epsilon     Adam denominator epsilon, in (0, 1] (default 1e-8)
 * @param seed        seed of initialization, the train/validation split and batch sampling, any long (default 0)
 * @param valFraction fraction of episodes held out for validation, in (0, 0.5] (default 0.1)
 * @param evalEvery   steps between validation evaluations (and resume checkpoints), 1..1000000 (default 250)
 * @param patience    evaluations without a validation improvement before stopping early, 1..100000 (default 8)
 * @param threads     TensorFlow intra-op and inter-op threads; 1 keeps CPU training bit-reproducible, 1..256 (default 1)
 */
public record TrainConfig(
        int steps,
        int batch,
        double lr,
        double beta1,
        double beta2,
        double epsilon,
        long seed,
        double valFraction,
        int evalEvery,
        int patience,
        int threads) {

    /** Validates every field. */
    public TrainConfig {
        Grid2Config.requireRange("train.steps", steps, 1, 10_000_000);
        Grid2Config.requireRange("train.batch", batch, 1, 65_536);
        if (!(lr > 0 && lr <= 1)) {
            throw new IllegalArgumentException("train.lr must be in (0, 1], got " + lr);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("train.beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("train.beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("train.epsilon must be in (0, 1], got " + epsilon);
        }
        if (!(valFraction > 0 && valFraction <= 0.5)) {
            throw new IllegalArgumentException("train.valFraction must be in (0, 0.5], got " + valFraction);
        }
        Grid2Config.requireRange("train.evalEvery", evalEvery, 1, 1_000_000);
        Grid2Config.requireRange("train.patience", patience, 1, 100_000);
        Grid2Config.requireRange("train.threads", threads, 1, 256);
    }

    /** @return the defaults: 6000 steps, batch 256, Adam(0.001, 0.9, 0.999, 1e-8), seed 0, 10% validation, eval every 250, patience 8, 1 thread */
    public static TrainConfig defaults() {
        return new TrainConfig(6000, 256, 1e-3, 0.9, 0.999, 1e-8, 0L, 0.1, 250, 8, 1);
    }

    /**
     * @param newSteps the number of steps a family's own section sets
     * @param newBatch the batch size a family's own section sets
     * @return this config with those two replaced (validated like any other)
     */
    public TrainConfig withStepsAndBatch(int newSteps, int newBatch) {
        return new TrainConfig(newSteps, newBatch, lr, beta1, beta2, epsilon, seed, valFraction, evalEvery, patience, threads);
    }
}
