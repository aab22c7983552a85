package dev.mawm.models.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sizes, sequence sampling and losses of the multi-agent JEPA world model {@code jepa2}
 * (DESIGN §5, seeds 003 and 000). Generic optimizer settings (learning rate, Adam betas, seed,
 * validation fraction, threads) come from {@link TrainConfig}; {@code steps} and {@code batch} are
 * this family's own because one jepa2 step encodes {@code batch × seqLen × 2} images and costs about
 * a hundred {@code mlp} steps.
 *
 * @param latent          width L of the image latent z and the message latent h, 2..1024 (default 64)
 * @param convChannels    channels of the encoder's two convolutions (a per-cell patch convolution, then 3×3), 1..256 (default 16)
 * @param encoderHidden   width of the image encoder's hidden dense layer, 1..4096 (default 128)
 * @param messageHidden   width of the message encoder's hidden dense layer, 1..4096 (default 128)
 * @param projHidden      width of the projectors' hidden layer, 1..4096 (default 128)
 * @param proj            width of the projections SIGReg and the invariance act on, 1..1024 (default 64)
 * @param attention       total attention width A of the predictor's cross-attention, divisible by {@code heads}, 1..1024 (default 64)
 * @param heads           attention heads, 1..64 (default 4)
 * @param actionEmbed     width of the predictor's action encoding, 1..1024 (default 32)
 * @param predictorHidden width of the prediction MLP's hidden layer, 1..4096 (default 128)
 * @param messageMode     how the predictor attends to the other agent's message: {@code vector} (seed 000: one token,
 *                        the message latent h; the mode the planning protocol with imagined messages needs) or
 *                        {@code cells} (49 tokens, one per window cell: object-type embedding + cell-position embedding)
 *                        (default {@code vector})
 * @param cellEmbed       width of a cell token in {@code cells} mode, 1..1024 (default 32)
 * @param residual        whether the predictor outputs {@code z + mlp(...)} instead of {@code mlp(...)} (default true)
 * @param headHidden      width of the hidden layer of obsPred, msgPred, reward and done heads, 1..4096 (default 128)
 * @param seqLen          steps T per sampled window; the predictor is trained T−1 steps ahead, 2..256 (default 8)
 * @param batch           windows per optimizer step (each holds both agents), 2..4096 (default 32)
 * @param steps           optimizer steps, 1..10000000 (default 6000)
 * @param loss            loss weights and regularizers
 * @param positionOneHot  how the encoders read an absolute position: {@code false}, as two coordinates scaled to [0, 1]
 *                        (the first versions); {@code true}, as one "soft one-hot" per axis, {@code relu(1 − |x − k|)}
 *                        for every column k and {@code relu(1 − |y − k|)} for every row (W + H features: exactly the
 *                        one-hot of the cell for whole coordinates), so that the latents can carry the exact cell
 *                        (default false)
 */
public record Jepa2Config(
        int latent,
        int convChannels,
        int encoderHidden,
        int messageHidden,
        int projHidden,
        int proj,
        int attention,
        int heads,
        int actionEmbed,
        int predictorHidden,
        String messageMode,
        int cellEmbed,
        boolean residual,
        int headHidden,
        int seqLen,
        int batch,
        int steps,
        Jepa2LossConfig loss,
        boolean positionOneHot) {
    /** {@link #messageMode()}: the message latent h as one key/value token (seed 000). */
    public static final String MESSAGE_VECTOR = "vector";
    /** {@link #messageMode()}: the 49 window cells as key/value tokens. */
    public static final String MESSAGE_CELLS = "cells";

    /**
     * Fields added after checkpoints were first written, each with the value older specs meant (a spec without one
     * reads as that value: {@code Jepa2Model.fromSpec}).
     */
    public static final java.util.Map<String, Object> ADDED_LATER = java.util.Map.of("positionOneHot", false);

    /**
     * The config with positions read as two scaled coordinates ({@code positionOneHot} false).
     *
     * @see #Jepa2Config(int, int, int, int, int, int, int, int, int, int, String, int, boolean, int, int, int, int, Jepa2LossConfig, boolean)
     */
    public Jepa2Config(int latent, int convChannels, int encoderHidden, int messageHidden, int projHidden, int proj, int attention,
                       int heads, int actionEmbed, int predictorHidden, String messageMode, int cellEmbed, boolean residual,
                       int headHidden, int seqLen, int batch, int steps, Jepa2LossConfig loss) {
        this(latent, convChannels, encoderHidden, messageHidden, projHidden, proj, attention, heads, actionEmbed, predictorHidden,
                messageMode, cellEmbed, residual, headHidden, seqLen, batch, steps, loss, false);
    }

    /** Validates every field. */
    public Jepa2Config {
        Grid2Config.requireRange("jepa2.latent", latent, 2, 1024);
        Grid2Config.requireRange("jepa2.convChannels", convChannels, 1, 256);
        Grid2Config.requireRange("jepa2.encoderHidden", encoderHidden, 1, 4096);
        Grid2Config.requireRange("jepa2.messageHidden", messageHidden, 1, 4096);
        Grid2Config.requireRange("jepa2.projHidden", projHidden, 1, 4096);
        Grid2Config.requireRange("jepa2.proj", proj, 1, 1024);
        Grid2Config.requireRange("jepa2.attention", attention, 1, 1024);
        Grid2Config.requireRange("jepa2.heads", heads, 1, 64);
        if (attention % heads != 0) {
            throw new IllegalArgumentException("jepa2.attention (" + attention + ") must be divisible by jepa2.heads (" + heads + ")");
        }
        Grid2Config.requireRange("jepa2.actionEmbed", actionEmbed, 1, 1024);
        Grid2Config.requireRange("jepa2.predictorHidden", predictorHidden, 1, 4096);
        if (!MESSAGE_VECTOR.equals(messageMode) && !MESSAGE_CELLS.equals(messageMode)) {
            throw new IllegalArgumentException("jepa2.messageMode must be 'vector' or 'cells', got '" + messageMode + "'");
        }
        Grid2Config.requireRange("jepa2.cellEmbed", cellEmbed, 1, 1024);
        Grid2Config.requireRange("jepa2.headHidden", headHidden, 1, 4096);
        Grid2Config.requireRange("jepa2.seqLen", seqLen, 2, 256);
        Grid2Config.requireRange("jepa2.batch", batch, 2, 4096);
        Grid2Config.requireRange("jepa2.steps", steps, 1, 10_000_000);
        Objects.requireNonNull(loss, "config section 'jepa2.loss' is missing");
    }

    /** @return the defaults (see each field) */
    public static Jepa2Config defaults() {
        return new Jepa2Config(64, 16, 128, 128, 128, 64, 64, 4, 32, 128, MESSAGE_VECTOR, 32, true, 128,
                8, 32, 6000, Jepa2LossConfig.defaults());
    }

    /**
     * A small, fast configuration for smoke tests and {@code --quick} runs: latent 16, narrow layers,
     * windows of 4 steps, 8 windows per step, 150 steps, 32 SIGReg directions; the message mode and loss
     * weights of the defaults.
     *
     * @return the quick config
     */
    public static Jepa2Config quick() {
        Jepa2LossConfig d = Jepa2LossConfig.defaults();
        Jepa2LossConfig loss = new Jepa2LossConfig(d.lambda(), 32, d.sigregKnots(), d.vicregInv(), d.vicregVar(), d.vicregCov(),
                d.latentMapWeight(), d.rewardWeight(), d.doneWeight(), d.rewardPosWeight(), d.messageDropout(), d.shapingWeight(),
                d.imaginedMessages(), d.rolloutHeads(), d.blockedMoves(), d.moveLabels(), d.commPrediction(), d.codecMix());
        return new Jepa2Config(16, 8, 32, 32, 32, 16, 16, 2, 8, 32, MESSAGE_VECTOR, 8, true, 32, 4, 8, 150, loss);
    }

    /**
     * {@link #quick()} as {@code key.path=value} overrides of the {@code jepa2} section, to apply on top
     * of any loaded config ({@link MawmConfig#load}).
     *
     * @return one override per leaf field of the quick config
     */
    public static List<String> quickOverrides() {
        List<String> out = new ArrayList<>();
        flatten("jepa2", ConfigLoader.toTree(quick()), out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(prefix + "." + e.getKey(), e.getValue(), out));
        } else {
            out.add(prefix + "=" + node.asText());
        }
    }

    /** @return true in {@code cells} message mode */
    public boolean cellTokens() {
        return MESSAGE_CELLS.equals(messageMode);
    }
}
