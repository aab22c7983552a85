package dev.mawm.models.config;

/**
 * Sizes of the {@code gru} world-model family (seed 001: MLP encoder, a GRU over (latent, action)
 * unrolled over the sequence, decoder and reward head).
 *
 * @param latent        width of the encoder's output, the GRU input besides the action, 1..4096 (default 32, as seed 001)
 * @param encoderHidden width of the encoder's hidden layer, 1..4096 (default 128, as seed 001)
 * @param hidden        width of the GRU hidden state, 1..4096 (default 64)
 * @param seqLen        length of the training windows in steps, 1..1024 (default 16, as seed 001)
 * @param rewardWeight  weight of the reward MSE in the total loss, in [0, 100] (default 1, as seed 001)
 */
public record GruConfig(int latent, int encoderHidden, int hidden, int seqLen, double rewardWeight) {

    /** Validates every field. */
    public GruConfig {
        Grid2Config.requireRange("gru.latent", latent, 1, 4096);
        Grid2Config.requireRange("gru.encoderHidden", encoderHidden, 1, 4096);
        Grid2Config.requireRange("gru.hidden", hidden, 1, 4096);
        Grid2Config.requireRange("gru.seqLen", seqLen, 1, 1024);
        MlpConfig.requireWeight("gru.rewardWeight", rewardWeight);
    }

    /** @return the defaults: latent 32, encoder hidden 128, GRU hidden 64, windows of 16, reward weight 1 */
    public static GruConfig defaults() {
        return new GruConfig(32, 128, 64, 16, 1.0);
    }
}
