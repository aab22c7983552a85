package dev.mawm.models.config;

import java.util.Map;

/**
 * Loss weights and regularizer settings of the {@code jepa2} family (DESIGN §5, seed 003).
 *
 * <p>The total loss of one step is
 * {@code lejepa + vicreg.total + latentMapWeight·(mse(obsPred) + mse(msgPred)) + rewardWeight·bce(reward) + doneWeight·bce(done)
 * + shapingWeight·mse(shaping) + rolloutHeads·(bce(reward) + doneWeight·bce(done) + shapingWeight·mse(shaping) on predicted latents)}
 * with {@code lejepa = (1 − lambda)·invariance + lambda·0.5·(sigreg(img) + sigreg(msg))} and
 * {@code vicreg.total = vicregInv·inv + vicregVar·var + vicregCov·cov}.
 *
 * @param lambda           LeJEPA trade-off λ between invariance and SIGReg, in [0, 1] (default 0.05)
 * @param sigregDirections random unit directions K SIGReg projects onto, re-drawn every step, 1..4096 (default 256)
 * @param sigregKnots      integration points t_k on [0, 3] of the Epps–Pulley statistic, 2..257 (default 17)
 * @param vicregInv        VICReg invariance weight, in [0, 100] (default 25)
 * @param vicregVar        VICReg variance weight, in [0, 100] (default 25)
 * @param vicregCov        VICReg covariance weight, in [0, 100] (default 1)
 * @param latentMapWeight  weight of the MSE of {@code obsPred} (h → z) and {@code msgPred} (z → h) against detached targets, in [0, 100] (default 1)
 * @param rewardWeight     weight of the reward head's Bernoulli cross-entropy, in [0, 100] (default 1)
 * @param doneWeight       weight of the done head's Bernoulli cross-entropy, in [0, 100] (default 0.5)
 * @param rewardPosWeight  weight of positive examples (first arrivals, which are rare) in the reward cross-entropy, in (0, 1000] (default 5)
 * @param messageDropout   probability that the predictor's message input is replaced by "no message" for a whole
 *                         window during training, so the {@code none} communication mode is in distribution, in [0, 1) (default 0.2)
 * @param shapingWeight    weight of the MSE of the {@code shaping} head (predicted change of the BFS distance to the goal,
 *                         from the agent's latent, its action and the other's message latent), in [0, 100] (default 1)
 * @param imaginedMessages share of (message-keeping) windows in which the predictor's open loop hears the other's real
 *                         message only at the first step and then {@code msgPred} of the other's own open-loop
 *                         prediction (detached), as the planner does, in [0, 1] (default 0.5)
 * @param rolloutHeads     weight of the reward, done and shaping heads applied to the predictor's open-loop latents
 *                         (steps 1 … T−2, with the messages the open loop heard) against the real labels of those
 *                         transitions (detached: the heads learn to read predicted latents), in [0, 100] (default 0:
 *                         measured on the communication benchmark, weight 1 lowered the heads' greedy-action accuracy and
 *                         the planner's success, docs/jepa2.md)
 * @param blockedMoves     weight of the blocked-move term: at every step, each action the agent's own window proves
 *                         leaves it where it is (stay, or a move into the obstacle next to it) is also given to the
 *                         heads and the predictor as a counterfactual with known outcome: shaping 0, no arrival, next
 *                         latent = this latent (the behaviour data rarely bumps into walls, so without it the heads
 *                         score a move into a wall like a free one), in [0, 100] (default 1)
 * @param moveLabels       weight of the move-label term: at every step, all A actions, taken or not, are given to the
 *                         shaping head with the simulator's counterfactual progress labels (the dataset's {@code progress}
 *                         field; skipped, with a warning, for datasets that lack it) and to the reward head with their
 *                         first-arrival labels (exact from the agent's own window: the goal can only be entered from a
 *                         neighbouring cell), so the heads learn the whole ranking of moves at every visited state, not
 *                         only the behaviour's action, in [0, 100] (default 0: measured on the communication benchmark,
 *                         weights 1 and 3 raised the head's greedy-action accuracy, 0.952 → 0.966 / 0.968 where only the
 *                         other agent sees the goal, but not the planner's team success, 0.675 → 0.625 / 0.67 over 200
 *                         episodes, docs/jepa2.md)
 * @param commPrediction   weight of the communication-window prediction term: in the windows whose first step has the
 *                         goal in the other agent's window and not in the agent's own (the held-out report's
 *                         {@code goalOnlyOther} starts), {@code mse(ẑ_k, stopGradient(z_k))} of the predictor's open loop
 *                         over the window's real steps, run from detached first and message latents (it trains the
 *                         predictor alone), so the predictor is pushed to read the goal out of the message where only
 *                         the message carries it, in [0, 100] (default 0)
 * @param codecMix         share of the sampled messages (each agent's, each step, message encoder input) that go through
 *                         a length-limited program codec {@code program:L} first, L uniform in 1..10 (twice the seed's
 *                         MAX_PROG_LEN), drawn from the batch's random stream, so that one model reads the windows every
 *                         codec decodes to ({@code raw} and the lossless {@code program} decode to the raw window itself);
 *                         {@code > 0} builds the message encoder with the unknown cell's channel
 *                         ({@code Jepa2Dims.messageUnknown}), in [0, 1] (default 0: raw windows only, 5 channels;
 *                         docs/program-messages.md)
 */
public record Jepa2LossConfig(
        double lambda,
        int sigregDirections,
        int sigregKnots,
        double vicregInv,
        double vicregVar,
        double vicregCov,
        double latentMapWeight,
        double rewardWeight,
        double doneWeight,
        double rewardPosWeight,
        double messageDropout,
        double shapingWeight,
        double imaginedMessages,
        double rolloutHeads,
        double blockedMoves,
        double moveLabels,
        double commPrediction,
        double codecMix) {

    /** The largest L a {@link #codecMix} message's {@code program:L} draws (uniform in 1..10). */
    public static final int CODEC_MIX_MAX_TOKENS = 10;

    /**
     * Terms added after checkpoints were first written, each with the weight that turns it off: a checkpoint spec
     * without one was trained without that term, so it reads as that weight ({@code Jepa2Model.fromSpec}); config
     * files take the defaults for keys they omit anyway.
     */
    public static final Map<String, Double> ADDED_LATER = Map.of("moveLabels", 0.0, "commPrediction", 0.0, "codecMix", 0.0);

    /** Validates every field. */
    public Jepa2LossConfig {
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new IllegalArgumentException("jepa2.loss.lambda must be in [0, 1], got " + lambda);
        }
        Grid2Config.requireRange("jepa2.loss.sigregDirections", sigregDirections, 1, 4096);
        Grid2Config.requireRange("jepa2.loss.sigregKnots", sigregKnots, 2, 257);
        requireWeight("jepa2.loss.vicregInv", vicregInv);
        requireWeight("jepa2.loss.vicregVar", vicregVar);
        requireWeight("jepa2.loss.vicregCov", vicregCov);
        requireWeight("jepa2.loss.latentMapWeight", latentMapWeight);
        requireWeight("jepa2.loss.rewardWeight", rewardWeight);
        requireWeight("jepa2.loss.doneWeight", doneWeight);
        if (!(rewardPosWeight > 0 && rewardPosWeight <= 1000)) {
            throw new IllegalArgumentException("jepa2.loss.rewardPosWeight must be in (0, 1000], got " + rewardPosWeight);
        }
        if (!(messageDropout >= 0 && messageDropout < 1)) {
            throw new IllegalArgumentException("jepa2.loss.messageDropout must be in [0, 1), got " + messageDropout);
        }
        requireWeight("jepa2.loss.shapingWeight", shapingWeight);
        if (!(imaginedMessages >= 0 && imaginedMessages <= 1)) {
            throw new IllegalArgumentException("jepa2.loss.imaginedMessages must be in [0, 1], got " + imaginedMessages);
        }
        requireWeight("jepa2.loss.rolloutHeads", rolloutHeads);
        requireWeight("jepa2.loss.blockedMoves", blockedMoves);
        requireWeight("jepa2.loss.moveLabels", moveLabels);
        requireWeight("jepa2.loss.commPrediction", commPrediction);
        if (!(codecMix >= 0 && codecMix <= 1)) {
            throw new IllegalArgumentException("jepa2.loss.codecMix must be in [0, 1], got " + codecMix);
        }
    }

    private static void requireWeight(String name, double w) {
        if (!(w >= 0 && w <= 100)) {
            throw new IllegalArgumentException(name + " must be in [0, 100], got " + w);
        }
    }

    /**
     * @return the defaults: λ 0.05, 256 directions, 17 knots, VICReg 25/25/1, maps 1, reward 1 (positives ×5), done 0.5,
     *     dropout 0.2, shaping 1, imagined messages 0.5,
     *     rollout heads 0, blocked moves 1, move labels 0, communication-window prediction 0, codec mix 0
     */
    public static Jepa2LossConfig defaults() {
        return new Jepa2LossConfig(0.05, 256, 17, 25, 25, 1, 1, 1, 0.5, 5, 0.2, 1, 0.5, 0, 1, 0, 0, 0);
    }
}
