package dev.mawm.models.nn.jepa2;

import dev.mawm.models.config.Jepa2LossConfig;
import dev.mawm.models.loss.Losses;
import dev.mawm.models.loss.SigReg;
import dev.mawm.models.loss.VicReg;
import dev.mawm.models.loss.VicRegTerms;
import dev.mawm.models.ops.Ops;
import java.util.ArrayList;
import java.util.List;

/**
 * The jepa2 training objective (DESIGN §5, seed 003), written once on the op interface:
 * <ol>
 *   <li>LeJEPA on the encoders: the image and the message of the same agent at the same step are two
 *       views; {@code (1 − λ)·invariance(proj_img, proj_msg) + λ·0.5·(SIGReg(proj_img) + SIGReg(proj_msg))}.</li>
 *   <li>The predictor, from each agent's first latent of the window, predicts the T−1 next latents
 *       open loop with the agent's actions and the OTHER agent's message at each step; VICReg
 *       (25/25/1) against the encoder's latents, masked at episode ends.</li>
 *   <li>{@code obsPred(h) ≈ stopGradient(z)} and {@code msgPred(z) ≈ stopGradient(h)}, MSE.</li>
 *   <li>Reward (first arrival, positives weighted) and done heads on (z_t, a_t), Bernoulli cross-entropy.</li>
 *   <li>Shaping head on (z_t, a_t, the other's message latent as the predictor hears it): MSE against the BFS steps
 *       toward the goal {@code d(s_t) − d(s_{t+1})} (DESIGN §7 step 4).</li>
 *   <li>Rollout heads (vector mode): the reward, done and shaping heads also on the open loop's predicted latents
 *       ẑ_1 … ẑ_{T−2} with the messages the open loop heard, against the real labels of those transitions.</li>
 *   <li>Imagined messages (vector mode): in a share of the windows the receiver's open loop hears the other's real
 *       message at the first step only, then {@code msgPred} of the other agent's own open-loop prediction (detached),
 *       the regime the planner runs in.</li>
 *   <li>Blocked moves: every action the agent's own window proves leaves it in place (stay; a move into the obstacle
 *       next to it) is a counterfactual with a known outcome, given to the heads and the predictor beside the taken
 *       action: shaping 0, no arrival, {@code predict(z_t, a, h_t) ≈ stopGradient(z_t)}.</li>
 *   <li>Move labels: all A actions at every step, taken or not, with the simulator's counterfactual progress (the
 *       dataset's {@code progress}: BFS steps toward the goal) for the shaping head and their first-arrival label (the
 *       entered cell shows the goal in the agent's own window) for the reward head.</li>
 *   <li>Communication windows: where the window starts with the goal only in the other agent's window, the open loop
 *       run again from the detached first latent and message latents, against the detached real latents (MSE): it
 *       trains the predictor alone, on top of VICReg's invariance.</li>
 * </ol>
 * All networks are shared by both agents; the two agents are stacked along the batch.
 */
public final class Jepa2Objective {
    private final Jepa2Model model;
    private final Jepa2LossConfig loss;

    /**
     * @param model the networks (their config's {@code loss} section weighs the terms)
     */
    public Jepa2Objective(Jepa2Model model) {
        this.model = model;
        this.loss = model.config().loss();
    }

    /**
     * @param ops    the backend
     * @param in     the step's inputs
     * @param <T>    the backend's tensor type
     * @return every term and the total
     */
    public <T> Jepa2LossTerms<T> build(Ops<T> ops, Jepa2Inputs<T> in) {
        long[] s = ops.shape(in.action()); // [B,T,2]
        long b = s[0];
        long t = s[1];
        if (b < 1 || t < 2 || s[2] != 2) {
            throw new IllegalArgumentException("jepa2 training needs a static action shape [B,T,2] with T >= 2, got " + java.util.Arrays.toString(s));
        }
        Jepa2Dims d = model.dims();
        long l = model.config().latent();
        long n = b * t * 2;
        long img = d.imageSize();
        T z = model.encode(ops, ops.reshape(in.image(), n, 3, img, img), ops.reshape(in.pos(), n, 2)); // [n,L]
        T h = model.encodeMessage(ops, ops.reshape(in.message(), n, d.messageLength())); // [n,L]
        T maskAll = ops.reshape(ops.mul(ops.reshape(in.mask(), b, t, 1), ops.constant(new float[] {1, 1}, 1, 1, 2)), n); // [n]

        // 1. LeJEPA
        T pz = model.projectImage(ops, z);
        T ph = model.projectMessage(ops, h);
        T inv = Losses.lejepaInvariance(ops, pz, ph, maskAll);
        int knots = loss.sigregKnots();
        T sig = ops.mul(ops.add(SigReg.loss(ops, pz, in.dirsImage(), maskAll, knots), SigReg.loss(ops, ph, in.dirsMessage(), maskAll, knots)),
                ops.scalar(0.5f));
        T lejepa = ops.add(ops.mul(inv, ops.scalar((float) (1 - loss.lambda()))), ops.mul(sig, ops.scalar((float) loss.lambda())));

        // 2. predictor, agents stacked: row (window, agent)
        T zA = ops.reshape(ops.transpose(ops.reshape(z, b, t, 2, l), 0, 2, 1, 3), b * 2, t, l); // [B2,T,L]
        T actA = ops.reshape(ops.transpose(in.action(), 0, 2, 1), b * 2, t); // [B2,T]
        T heardA = heardLatents(ops, h, in, b, t, l); // [B2,T,L]: the other's real message latent, dropped windows 0
        boolean cells = model.predictor().cellTokens();
        T cellsA = cells ? ops.reshape(ops.transpose(in.predMessage(), 0, 2, 1, 3), b * 2, t, d.cells()) : null; // [B2,T,V·V]
        T imagined = cells ? null : ops.reshape(ops.mul(in.imagined(), in.keep()), b * 2, 1); // [B2,1]
        T zStart = ops.reshape(ops.slice(zA, 1, 0, 1), b * 2, l); // [B2,L]
        List<T> preds = new ArrayList<>();
        List<T> heard = new ArrayList<>(); // vector mode: the message latent the open loop heard at step k, [B2,L]
        openLoop(ops, zStart, actA, heardA, cellsA, imagined, b, t, preds, heard);
        long rows = b * 2 * (t - 1);
        T pred = ops.reshape(ops.concat(1, preds), rows, l);
        T target = ops.reshape(ops.slice(zA, 1, 1, t), rows, l);
        T stepMask = ops.reshape(in.stepMask(), rows);
        VicRegTerms<T> vic = VicReg.loss(ops, pred, target, stepMask, loss.vicregInv(), loss.vicregVar(), loss.vicregCov());
        T comm = ops.scalar(0f);
        if (in.commStart() != null) {
            // the same open loop on detached encoder outputs: this term trains the predictor only
            List<T> commPreds = new ArrayList<>();
            openLoop(ops, ops.stopGradient(zStart), actA, ops.stopGradient(heardA), cellsA, imagined, b, t, commPreds, new ArrayList<>());
            T commMask = ops.reshape(ops.mul(ops.reshape(in.stepMask(), b * 2, t - 1), ops.reshape(in.commStart(), b * 2, 1)), rows); // [rows]
            comm = Losses.mse(ops, ops.reshape(ops.concat(1, commPreds), rows, l), ops.stopGradient(target), commMask);
        }

        // 3. latent maps against detached targets
        T obs = Losses.mse(ops, model.obsPred(ops, h), ops.stopGradient(z), maskAll);
        T msg = Losses.mse(ops, model.msgPred(ops, z), ops.stopGradient(h), maskAll);

        // 4. heads on (z_t, a_t), t < T−1
        T zHead = ops.reshape(ops.slice(zA, 1, 0, t - 1), rows, l);
        T aHead = ops.reshape(ops.slice(actA, 1, 0, t - 1), rows);
        T rew = Losses.bceWithLogits(ops, model.rewardLogit(ops, zHead, aHead), ops.reshape(in.rewardLabel(), rows), stepMask,
                (float) loss.rewardPosWeight());
        T done = Losses.bceWithLogits(ops, model.doneLogit(ops, zHead, aHead), ops.reshape(in.doneLabel(), rows), stepMask, 1f);
        T hHead = ops.reshape(ops.slice(heardA, 1, 0, t - 1), rows, l);
        T shape = ops.reshape(model.shaping(ops, zHead, aHead, hHead), rows, 1);
        T shaping = Losses.mse(ops, shape, ops.reshape(in.shapingLabel(), rows, 1), stepMask);

        // 5. the same heads on the open loop's latents ẑ_k (k = 1 … T−2), as the planner's rollout applies them
        T roll = ops.scalar(0f);
        if (t > 2 && !cells) {
            long rr = b * 2 * (t - 2);
            // detached: the heads learn to read predicted latents; the predictor is trained by VICReg alone
            T zRoll = ops.stopGradient(ops.reshape(ops.concat(1, preds.subList(0, (int) t - 2)), rr, l)); // ẑ_1 … ẑ_{T−2}, [rr,L]
            T aRoll = ops.reshape(ops.slice(actA, 1, 1, t - 1), rr); // [rr]
            T hRoll = ops.stopGradient(ops.reshape(ops.concat(1, heard.subList(1, (int) t - 1)), rr, l)); // [rr,L]
            T mRoll = ops.reshape(ops.slice(ops.reshape(in.stepMask(), b * 2, t - 1), 1, 1, t - 1), rr); // [rr]
            T rRoll = Losses.bceWithLogits(ops, model.rewardLogit(ops, zRoll, aRoll), labelsFrom1(ops, in.rewardLabel(), b, t), mRoll,
                    (float) loss.rewardPosWeight());
            T dRoll = Losses.bceWithLogits(ops, model.doneLogit(ops, zRoll, aRoll), labelsFrom1(ops, in.doneLabel(), b, t), mRoll, 1f);
            T sRoll = Losses.mse(ops, ops.reshape(model.shaping(ops, zRoll, aRoll, hRoll), rr, 1),
                    ops.reshape(labelsFrom1(ops, in.shapingLabel(), b, t), rr, 1), mRoll);
            roll = ops.add(rRoll, ops.add(ops.mul(dRoll, ops.scalar((float) loss.doneWeight())),
                    ops.mul(sRoll, ops.scalar((float) loss.shapingWeight()))));
        }

        // 6.–7. counterfactual actions with known outcomes, A copies of the head rows (block a = action a)
        T blocked = ops.scalar(0f);
        T moves = ops.scalar(0f);
        if (in.blocked() != null || in.arrivals() != null) {
            int na = d.actions();
            T zRep = ops.concat(0, java.util.Collections.nCopies(na, zHead)); // [A·rows,L]
            T hRep = ops.concat(0, java.util.Collections.nCopies(na, hHead)); // [A·rows,L]
            int[] acts = new int[(int) (na * rows)];
            for (int a = 0; a < na; a++) {
                java.util.Arrays.fill(acts, (int) (a * rows), (int) ((a + 1) * rows), a);
            }
            T aRep = ops.constantInt(acts, na * rows); // [A·rows]
            T shapeRep = ops.reshape(model.shaping(ops, zRep, aRep, hRep), na * rows, 1); // [A·rows,1]
            T rewRep = model.rewardLogit(ops, zRep, aRep); // [A·rows]
            if (in.blocked() != null) {
                // 6. blocked moves: shaping 0, no arrival, the same latent
                T bMask = byAction(ops, in.blocked(), rows, na); // [A·rows]
                T zero = ops.scalar(0f);
                T bShape = Losses.mse(ops, shapeRep, zero, bMask);
                T bRew = Losses.bceWithLogits(ops, rewRep, zero, bMask, 1f);
                blocked = ops.add(ops.mul(bShape, ops.scalar((float) loss.shapingWeight())), ops.mul(bRew, ops.scalar((float) loss.rewardWeight())));
                if (!cells) {
                    T bNext = model.predict(ops, zRep, aRep, hRep); // [A·rows,L]
                    blocked = ops.add(blocked, Losses.mse(ops, bNext, ops.stopGradient(zRep), bMask));
                }
            }
            if (in.arrivals() != null) {
                // 7. move labels: every action's first-arrival label and, when the data has it, its progress
                T mRep = ops.concat(0, java.util.Collections.nCopies(na, stepMask)); // [A·rows]
                T mRew = Losses.bceWithLogits(ops, rewRep, byAction(ops, in.arrivals(), rows, na), mRep, (float) loss.rewardPosWeight());
                moves = ops.mul(mRew, ops.scalar((float) loss.rewardWeight()));
                if (in.progress() != null) {
                    T mShape = Losses.mse(ops, shapeRep, ops.reshape(byAction(ops, in.progress(), rows, na), na * rows, 1), mRep);
                    moves = ops.add(moves, ops.mul(mShape, ops.scalar((float) loss.shapingWeight())));
                }
            }
        }

        T total = ops.add(lejepa, vic.total());
        total = ops.add(total, ops.mul(ops.add(obs, msg), ops.scalar((float) loss.latentMapWeight())));
        total = ops.add(total, ops.mul(rew, ops.scalar((float) loss.rewardWeight())));
        total = ops.add(total, ops.mul(done, ops.scalar((float) loss.doneWeight())));
        total = ops.add(total, ops.mul(shaping, ops.scalar((float) loss.shapingWeight())));
        total = ops.add(total, ops.mul(roll, ops.scalar((float) loss.rolloutHeads())));
        total = ops.add(total, ops.mul(blocked, ops.scalar((float) loss.blockedMoves())));
        total = ops.add(total, ops.mul(moves, ops.scalar((float) loss.moveLabels())));
        total = ops.add(total, ops.mul(comm, ops.scalar((float) loss.commPrediction())));
        return new Jepa2LossTerms<>(total, lejepa, inv, sig, vic.total(), vic.inv(), vic.var(), vic.cov(), obs, msg, rew, done, shaping,
                roll, blocked, moves, comm);
    }

    /**
     * The predictor's open loop from each (window, agent)'s first latent: step k reads the action and the message heard
     * at k (vector mode: the other's real message latent, or after the first step {@code msgPred} of the other's own
     * prediction where {@code imagined}; cells mode: the cells it receives).
     *
     * @param zStart   {@code [B2,L]} the first latents
     * @param actA     {@code [B2,T]} actions
     * @param heardA   {@code [B2,T,L]} the other's real message latents (vector mode)
     * @param cellsA   {@code [B2,T,V·V]} the cells received (cells mode), else null
     * @param imagined {@code [B2,1]} 1 where messages after the first are imagined (vector mode), else null
     * @param preds    receives ẑ_1 … ẑ_{T−1}, each {@code [B2,1,L]}
     * @param heard    receives the message latent heard at each step, each {@code [B2,1,L]} (vector mode)
     */
    private <T> void openLoop(Ops<T> ops, T zStart, T actA, T heardA, T cellsA, T imagined, long b, long t, List<T> preds, List<T> heard) {
        long l = model.config().latent();
        T cur = zStart;
        for (int k = 0; k < t - 1; k++) {
            T a = ops.reshape(ops.slice(actA, 1, k, k + 1), b * 2); // [B2]
            T m;
            if (cellsA != null) {
                m = ops.reshape(ops.slice(cellsA, 1, k, k + 1), b * 2, model.dims().cells()); // [B2,V·V]
            } else {
                m = ops.reshape(ops.slice(heardA, 1, k, k + 1), b * 2, l); // [B2,L]
                if (k > 0) {
                    T dreamt = ops.stopGradient(model.msgPred(ops, swapAgents(ops, cur, b, l))); // [B2,L]
                    m = ops.add(ops.mul(m, ops.sub(ops.scalar(1f), imagined)), ops.mul(dreamt, imagined));
                }
                heard.add(ops.reshape(m, b * 2, 1, l));
            }
            cur = model.predict(ops, cur, a, m);
            preds.add(ops.reshape(cur, b * 2, 1, l));
        }
    }

    /** Per-action values {@code [B,2,T−1,A]} as the counterfactual rows, action-major: {@code [A·rows]}. */
    private static <T> T byAction(Ops<T> ops, T x, long rows, int na) {
        return ops.reshape(ops.transpose(ops.reshape(x, rows, na), 1, 0), na * rows);
    }

    /** Labels {@code [B,2,T−1]} of the transitions 1 … T−2 as rows (window, agent, step): {@code [B·2·(T−2)]}. */
    private static <T> T labelsFrom1(Ops<T> ops, T labels, long b, long t) {
        return ops.reshape(ops.slice(ops.reshape(labels, b * 2, t - 1), 1, 1, t - 1), b * 2 * (t - 2));
    }

    /** The other agent's message latent each receiver hears at each step, rows (window, receiver): {@code [B2,T,L]}. */
    private <T> T heardLatents(Ops<T> ops, T h, Jepa2Inputs<T> in, long b, long t, long l) {
        T h4 = ops.reshape(h, b, t, 2, l);
        T swapped = ops.concat(2, List.of(ops.slice(h4, 2, 1, 2), ops.slice(h4, 2, 0, 1))); // [B,T,2,L]: receiver i gets h of 1−i
        T kept = ops.mul(swapped, ops.reshape(in.keep(), b, 1, 2, 1));
        return ops.reshape(ops.transpose(kept, 0, 2, 1, 3), b * 2, t, l);
    }

    /** Rows (window, agent) {@code [B2,L]} → the same rows with the two agents of each window swapped. */
    private static <T> T swapAgents(Ops<T> ops, T x, long b, long l) {
        T x3 = ops.reshape(x, b, 2, l);
        return ops.reshape(ops.concat(1, List.of(ops.slice(x3, 1, 1, 2), ops.slice(x3, 1, 0, 1))), b * 2, l);
    }
}
