package dev.mawm.training.jepa2;

import java.util.List;

/**
 * The quality measurements of a trained jepa2 model on held-out episodes (written to
 * {@code metrics.json}). Probes are fitted on training-episode latents and scored on held-out ones.
 *
 * @param heldOutEpisodes episodes held out
 * @param heldOutRows     their rows (observations; ×2 agents)
 * @param collapse        latent spread
 * @param probes          linear probes from z
 * @param prediction      multi-step prediction error by horizon
 * @param maps            obsPred / msgPred agreement
 * @param heads           reward and done heads
 * @param bars            the quality bars, pass or fail
 */
public record Jepa2Metrics(int heldOutEpisodes, int heldOutRows, Collapse collapse, Probes probes, List<Horizon> prediction,
                           Maps maps, Heads heads, Shaping shaping, Bars bars) {

    /**
     * The shaping head on held-out transitions of agents that had not arrived, against the env's {@code d(s) − d(s')}
     * (labels −1, 0, 1 outside walls' stays), with the other's real message latent; and on transitions where the goal
     * is in the other agent's view and not in the agent's own, with and without that message (null: vector mode only).
     *
     * @param transitions          held-out (transition, agent) pairs scored
     * @param labelVariance        the labels' variance (the MSE of predicting their mean)
     * @param mse                  the head's mean squared error
     * @param signAccuracy         share of transitions with a non-zero label whose prediction has its sign
     * @param goalOnlyOther        transitions with the goal only in the other's view
     * @param goalOnlyOtherMseWith    the head's MSE on those with the other's message
     * @param goalOnlyOtherMseWithout the same without a message (zero latent)
     * @param goalOnlyOtherSignWith   its sign accuracy there with the message
     * @param goalOnlyOtherSignWithout and without
     * @param greedyOwnView        share of held-out states with the goal in the agent's own view where the head's best
     *                             action (argmax over all actions, with the other's message) shortens the true BFS
     *                             distance to the goal (maps regenerated from the dataset's seed and scenario)
     * @param greedyOnlyOtherWith    the same on goal-only-in-the-other's-view states, with the other's message
     * @param greedyOnlyOtherWithout and without it
     */
    public record Shaping(int transitions, double labelVariance, double mse, double signAccuracy, int goalOnlyOther,
                          double goalOnlyOtherMseWith, double goalOnlyOtherMseWithout, double goalOnlyOtherSignWith,
                          double goalOnlyOtherSignWithout, double greedyOwnView, double greedyOnlyOtherWith,
                          double greedyOnlyOtherWithout) {
    }

    /**
     * @param dims             latent width L
     * @param meanStd          mean over dimensions of the per-dimension std of z over held-out rows
     * @param minStd           the smallest per-dimension std
     * @param minStdRatio      {@code minStd / meanStd} (bar: ≥ 0.1)
     * @param dimsBelowTenth   dimensions whose std is below 0.1·meanStd
     * @param effectiveRankZ   effective rank of z (exp of the entropy of the normalized covariance spectrum)
     * @param effectiveRankH   effective rank of the message latents h
     */
    public record Collapse(int dims, double meanStd, double minStd, double minStdRatio, int dimsBelowTenth,
                           double effectiveRankZ, double effectiveRankH) {
    }

    /**
     * @param positionAccuracy    fraction of held-out (row, agent) whose (x, y), ridge-regressed from z and rounded, is exact
     * @param positionMae         mean absolute error of that regression, in cells
     * @param goalVisibleRate     fraction of held-out (row, agent) with the goal in view
     * @param goalVisibleAuroc    AUROC of a logistic probe for "goal in view" (bar: ≥ 0.95)
     * @param goalOffsetRows      held-out (row, agent) with the goal in view
     * @param goalOffsetAccuracy  fraction of those whose goal offset (dx, dy), ridge-regressed and rounded, is exact
     * @param goalOffsetMae       mean absolute error of the offset, in cells
     */
    public record Probes(double positionAccuracy, double positionMae, double goalVisibleRate, double goalVisibleAuroc,
                         int goalOffsetRows, double goalOffsetAccuracy, double goalOffsetMae) {
    }

    /**
     * Squared latent error of the predictor's open-loop k-step prediction, divided by the total
     * variance of z ({@code Σ_d Var(z_d)}): 0 is perfect, 1 is as bad as predicting the mean.
     *
     * @param k                    horizon
     * @param starts               (start row, agent) pairs evaluated
     * @param withMessage          error with the other agent's real message at every step
     * @param withoutMessage       error with no message (zeros / "no information")
     * @param copyBaseline         error of predicting z_{t+k} = z_t
     * @param goalOnlyOtherStarts  starts where the goal is in the other agent's view and not in the agent's own
     * @param goalOnlyOtherWith    error on those, with message
     * @param goalOnlyOtherWithout error on those, without message
     * @param revealedStarts       of those, starts where the goal is in the agent's own view at t+k
     * @param revealedWith         error on those, with message
     * @param revealedWithout      error on those, without message
     * @param seenStarts           goal-only-in-the-other's-view starts where the other agent also sees this agent (its
     *                             message then locates the goal relative to this agent; messages carry no positions)
     * @param seenWith             error on those, with message
     * @param seenWithout          error on those, without message
     * @param messageCeiling       the largest relative cut of {@code goalOnlyOtherWithout} the message could make if it
     *                             only helped where the goal enters the agent's own view ({@link #messageCeiling(int,
     *                             double, int, double)}); the bar of "≥ 30 % lower with the message" is out of reach of
     *                             any predictor on these latents when this is below 0.3
     */
    public record Horizon(int k, int starts, double withMessage, double withoutMessage, double copyBaseline,
                          int goalOnlyOtherStarts, double goalOnlyOtherWith, double goalOnlyOtherWithout,
                          int revealedStarts, double revealedWith, double revealedWithout,
                          int seenStarts, double seenWith, double seenWithout, double messageCeiling) {
    }

    /**
     * The most the other agent's message could lower the error on the goal-only-in-the-other's-view starts, as a
     * fraction of the error without it, if it brought the starts where the goal then enters the agent's own view
     * ({@code revealed}) down to the error of the subset's other starts, where the target holds no goal:
     * {@code rest = (G·e_G − R·e_R) / (G − R)}, {@code ceiling = R·(e_R − rest) / (G·e_G)}. The other starts keep
     * their error: their targets are the agent's own future windows without the goal, which the sender saw only
     * where their windows overlap. Negative when the revealed starts are already below the rest.
     *
     * @param goalOnlyOtherStarts  G, starts of the subset
     * @param goalOnlyOtherWithout e_G, their mean error without the message
     * @param revealedStarts       R, of those, the starts whose goal is in the agent's own view at t+k
     * @param revealedWithout      e_R, their mean error without the message
     * @return the ceiling, or NaN when every start or none is revealed
     */
    public static double messageCeiling(int goalOnlyOtherStarts, double goalOnlyOtherWithout, int revealedStarts,
                                        double revealedWithout) {
        if (revealedStarts <= 0 || revealedStarts >= goalOnlyOtherStarts) {
            return Double.NaN;
        }
        double total = goalOnlyOtherStarts * goalOnlyOtherWithout;
        double rest = (total - revealedStarts * revealedWithout) / (goalOnlyOtherStarts - revealedStarts);
        return revealedStarts * (revealedWithout - rest) / total;
    }

    /**
     * @param obsPredCosine mean cosine similarity of obsPred(h) to the true z of the same view
     * @param msgPredCosine mean cosine similarity of msgPred(z) to the true h of the same view
     */
    public record Maps(double obsPredCosine, double msgPredCosine) {
    }

    /**
     * @param transitions           held-out (transition, agent) pairs
     * @param rewardPositives       first arrivals among them
     * @param rewardAuroc           AUROC of the reward head over all of them (bar: ≥ 0.9)
     * @param rewardAurocNotArrived AUROC over transitions of agents that had not yet arrived
     * @param donePositives         transitions that end the episode
     * @param doneAuroc             AUROC of the done head
     */
    public record Heads(int transitions, int rewardPositives, double rewardAuroc, double rewardAurocNotArrived,
                        int donePositives, double doneAuroc) {
    }

    /**
     * @param noCollapse       every dimension's std ≥ 0.1 of the mean std
     * @param goalVisibleAuroc the goal-in-view probe's AUROC ≥ 0.95
     * @param rewardAuroc      the reward head's AUROC ≥ 0.9
     * @param messageHelps     with the message the error is lower than without on goal-only-in-the-other's-view starts, at every horizon
     * @param all              all of the above
     */
    public record Bars(boolean noCollapse, boolean goalVisibleAuroc, boolean rewardAuroc, boolean messageHelps, boolean all) {
    }
}
