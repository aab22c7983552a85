package dev.mawm.training.jepa2;

import dev.mawm.envs.grid2.program.MessageCodec;
import dev.mawm.envs.grid2.program.ProgramCodec;
import dev.mawm.envs.grid2.program.ProgramSpace;
import dev.mawm.models.config.Jepa2LossConfig;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import java.util.SplittableRandom;

/**
 * {@code jepa2.loss.codecMix} (docs/program-messages.md): before the message encoder sees a batch's messages, a share of
 * them is replaced by what a length-limited program codec delivers, {@code program:L} with L uniform in
 * {@code 1..}{@link Jepa2LossConfig#CODEC_MIX_MAX_TOKENS}, so one model reads every codec's windows (cells the program
 * does not state arrive as the unknown value 5). {@code raw} and the lossless {@code program} deliver the raw window
 * itself, so the rest of the batch is what those codecs deliver. Deterministic: every draw comes from the batch's stream.
 */
final class CodecMix {
    private CodecMix() {
    }

    /**
     * Rewrites rows of {@code message} in place; draws nothing when {@code share} is 0.
     *
     * @param message {@code [rows, M]} int32 messages (window, then x, y when the dims carry the position), rows
     *                {@code [B,T,2]}
     * @param mask    {@code [B,T]} 1 for real steps: padding rows after an episode's end (all zeros, not a message the
     *                environment could send) are left as they are
     * @param dims    the model's dimensions (window, grid, message form)
     * @param share   the share of rows to pass through {@code program:L}, in [0, 1]
     * @param rng     the batch's generator (consumed: two draws per row when {@code share > 0})
     */
    static void apply(int[] message, float[] mask, Jepa2Dims dims, double share, SplittableRandom rng) {
        if (share <= 0) {
            return;
        }
        ProgramSpace space = new ProgramSpace(dims.viewSize(), dims.width(), dims.height(), dims.messagePosition());
        int maxTokens = Math.min(Jepa2LossConfig.CODEC_MIX_MAX_TOKENS, space.cells());
        MessageCodec[] codecs = new MessageCodec[maxTokens];
        for (int l = 1; l <= maxTokens; l++) {
            codecs[l - 1] = ProgramCodec.limited(space, l);
        }
        int len = dims.messageLength();
        int[] row = new int[len];
        for (int r = 0; r < message.length / len; r++) {
            boolean mix = rng.nextDouble() < share;
            int l = rng.nextInt(maxTokens);
            if (!mix || mask[r / 2] == 0f) {
                continue;
            }
            System.arraycopy(message, r * len, row, 0, len);
            int[] got = codecs[l].transmit(row);
            System.arraycopy(got, 0, message, r * len, len);
        }
    }
}
