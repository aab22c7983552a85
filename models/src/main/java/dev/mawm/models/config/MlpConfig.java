package dev.mawm.models.config;

import java.util.Map;
import java.util.Set;

/**
 * Sizes and loss weights of the {@code mlp} world-model family (seed 004: encoder, dynamics, decoder,
 * reward head, done head; optionally an ensemble of independent members).
 *
 * @param latent        width of the encoder's learned features, 1..4096 (default 16)
 * @param hidden        width of the dynamics' hidden layers (and the encoder's when {@code encoderHidden} is 0), 1..4096
 *                      (default 128)
 * @param layers        number of dense layers of the encoder and of the dynamics, 1..16 (default 2)
 * @param activation    {@code elu}, {@code relu} or {@code tanh} (default {@code relu}: ONNX Runtime fuses it into its
 *                      Gemm; seed 004 used elu)
 * @param ensemble      number of independent members K, 1..32 (default 1; K ≥ 2 gives the planner's disagreement)
 * @param rewardHidden  width of the reward head's hidden layer, 1..4096 (default 16; seed 004 used 128)
 * @param doneHidden    width of the done head's hidden layer, 1..4096 (default 64, as seed 004)
 * @param rewardWeight  weight of the Huber reward loss in the total loss, in [0, 100] (default 0.5, as seed 004)
 * @param doneWeight    weight of the weighted-BCE done loss in the total loss, in [0, 100] (default 0.1, as seed 004)
 * @param donePosWeight weight of positive (terminal) examples in the done BCE, in (0, 1000] (default 10, as seed 004)
 * @param doneLookahead the done head's target looks this many steps ahead, 1..500: a transition of an episode that
 *                      ended by termination is labelled done when the terminal observation is at most this many steps
 *                      after it ({@code t ≥ T − D} for the episode's last transition T − 1; D = 1: only the transition
 *                      into the terminal state, seed 004's target). So the head estimates the chance that the data's
 *                      episode ends within D steps, and the planner's per-step survival sees failure beyond its horizon
 *                      ({@link dev.mawm.models.nn.mlp.MlpLoss}; default 10: with the default CartPole data, which
 *                      reaches the track ends, the planner then sees a run into them before its horizon does)
 * @param valueWeight   weight of the value head's loss, in [0, 100]; 0 (the default) means no value head. The value head
 *                      ({@code L → doneHidden → 1}) estimates the data's discounted return of the next
 *                      {@code valueSteps} steps from a latent, so the fused rollout scores what follows its horizon
 *                      ({@code γ^H · alive_H · V(z_H)}, DESIGN §7 step 4)
 * @param valueSteps    how many steps the value head's return covers, 1..10000 (default 100)
 * @param valueDiscount the discount of the value head's return, in (0, 1] (default 0.99, the planner's default)
 * @param encoderHidden width of the encoder's hidden layers, 0..4096; 0 means {@code hidden} (what specs written before
 *                      the key existed meant, {@link #ADDED_LATER}); default 32: the encoder reads a 4-wide CartPole
 *                      state once per step, and its hidden layer is the fused rollout's costliest skinny product
 *                      (docs/cartpole.md)
 */
public record MlpConfig(
        int latent,
        int hidden,
        int layers,
        String activation,
        int ensemble,
        int rewardHidden,
        int doneHidden,
        double rewardWeight,
        double doneWeight,
        double donePosWeight,
        int doneLookahead,
        double valueWeight,
        int valueSteps,
        double valueDiscount,
        int encoderHidden) {
    /** The accepted activation names. */
    public static final Set<String> ACTIVATIONS = Set.of("elu", "relu", "tanh");

    /** Fields added after specs were first written, with the value a spec without them meant. */
    public static final Map<String, Object> ADDED_LATER = Map.of("doneLookahead", 1, "valueWeight", 0.0, "valueSteps", 100,
            "valueDiscount", 0.99, "encoderHidden", 0);

    /** Validates every field. */
    public MlpConfig {
        Grid2Config.requireRange("mlp.latent", latent, 1, 4096);
        Grid2Config.requireRange("mlp.hidden", hidden, 1, 4096);
        Grid2Config.requireRange("mlp.layers", layers, 1, 16);
        if (activation == null || !ACTIVATIONS.contains(activation)) {
            throw new IllegalArgumentException("mlp.activation must be elu, relu or tanh, got '" + activation + "'");
        }
        Grid2Config.requireRange("mlp.ensemble", ensemble, 1, 32);
        Grid2Config.requireRange("mlp.rewardHidden", rewardHidden, 1, 4096);
        Grid2Config.requireRange("mlp.doneHidden", doneHidden, 1, 4096);
        requireWeight("mlp.rewardWeight", rewardWeight);
        requireWeight("mlp.doneWeight", doneWeight);
        if (!(donePosWeight > 0 && donePosWeight <= 1000)) {
            throw new IllegalArgumentException("mlp.donePosWeight must be in (0, 1000], got " + donePosWeight);
        }
        Grid2Config.requireRange("mlp.doneLookahead", doneLookahead, 1, 500);
        requireWeight("mlp.valueWeight", valueWeight);
        Grid2Config.requireRange("mlp.valueSteps", valueSteps, 1, 10000);
        if (!(valueDiscount > 0 && valueDiscount <= 1)) {
            throw new IllegalArgumentException("mlp.valueDiscount must be in (0, 1], got " + valueDiscount);
        }
        Grid2Config.requireRange("mlp.encoderHidden", encoderHidden, 0, 4096);
    }

    /**
     * A config whose encoder is as wide as the dynamics ({@code encoderHidden} 0).
     *
     * @param latent        see the record
     * @param hidden        see the record
     * @param layers        see the record
     * @param activation    see the record
     * @param ensemble      see the record
     * @param rewardHidden  see the record
     * @param doneHidden    see the record
     * @param rewardWeight  see the record
     * @param doneWeight    see the record
     * @param donePosWeight see the record
     * @param doneLookahead see the record
     * @param valueWeight   see the record
     * @param valueSteps    see the record
     * @param valueDiscount see the record
     */
    public MlpConfig(int latent, int hidden, int layers, String activation, int ensemble, int rewardHidden, int doneHidden,
            double rewardWeight, double doneWeight, double donePosWeight, int doneLookahead, double valueWeight, int valueSteps,
            double valueDiscount) {
        this(latent, hidden, layers, activation, ensemble, rewardHidden, doneHidden, rewardWeight, doneWeight, donePosWeight,
                doneLookahead, valueWeight, valueSteps, valueDiscount, 0);
    }

    /** @return the width of the encoder's hidden layers: {@code encoderHidden}, or {@code hidden} when it is 0 */
    public int encoderWidth() {
        return encoderHidden == 0 ? hidden : encoderHidden;
    }

    /**
     * A config without a value head ({@code valueWeight} 0, {@code valueSteps} 100, {@code valueDiscount} 0.99).
     *
     * @param latent        see the record
     * @param hidden        see the record
     * @param layers        see the record
     * @param activation    see the record
     * @param ensemble      see the record
     * @param rewardHidden  see the record
     * @param doneHidden    see the record
     * @param rewardWeight  see the record
     * @param doneWeight    see the record
     * @param donePosWeight see the record
     * @param doneLookahead see the record
     */
    public MlpConfig(int latent, int hidden, int layers, String activation, int ensemble, int rewardHidden, int doneHidden,
            double rewardWeight, double doneWeight, double donePosWeight, int doneLookahead) {
        this(latent, hidden, layers, activation, ensemble, rewardHidden, doneHidden, rewardWeight, doneWeight, donePosWeight,
                doneLookahead, 0.0, 100, 0.99);
    }

    /** @return whether the members have a value head ({@code valueWeight > 0}) */
    public boolean hasValue() {
        return valueWeight > 0;
    }

    /** @return {@code Σ_{k<valueSteps} valueDiscount^k}, the value head's output scale (its targets are divided by it) */
    public double valueScale() {
        return discountedSum(valueSteps, valueDiscount);
    }

    /**
     * @param steps    k runs over {@code 0..steps−1}, ≥ 1
     * @param discount γ in (0, 1]
     * @return {@code Σ_{k<steps} γ^k}
     */
    public static double discountedSum(int steps, double discount) {
        return discount == 1 ? steps : (1 - Math.pow(discount, steps)) / (1 - discount);
    }

    /**
     * @return the defaults, the CartPole recipe (docs/cartpole.md): latent 16, hidden 128, 2 layers, relu, one member,
     *     heads 16/64, weights 0.5/0.1, pos weight 10, done lookahead 10 (specs written before the key existed read
     *     as 1, {@link #ADDED_LATER})
     */
    public static MlpConfig defaults() {
        return new MlpConfig(16, 128, 2, "relu", 1, 16, 64, 0.5, 0.1, 10.0, 10, 0.0, 100, 0.99, 32);
    }

    static void requireWeight(String name, double w) {
        if (!(w >= 0 && w <= 100)) {
            throw new IllegalArgumentException(name + " must be in [0, 100], got " + w);
        }
    }
}
