package dev.mawm.models.nn.jepa2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.config.Jepa2LossConfig;
import dev.mawm.models.loss.SigReg;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The objective on the reference backend: terms add up, and the predictor term follows the agents' own rollouts. */
class Jepa2ObjectiveTest {
    private static final int B = 2;
    private static final int T = 3;

    @Test
    void vectorModeRollsOutEachAgentWithTheOtherAgentsMessage() {
        check(Jepa2Config.MESSAGE_VECTOR);
    }

    @Test
    void cellModeRollsOutEachAgentWithTheCellsItReceives() {
        check(Jepa2Config.MESSAGE_CELLS);
    }

    private void check(String mode) {
        Jepa2Dims dims = PredictorTest.DIMS;
        Jepa2Config base = PredictorTest.config(mode);
        Jepa2LossConfig d = base.loss();
        Jepa2LossConfig withComm = new Jepa2LossConfig(d.lambda(), d.sigregDirections(), d.sigregKnots(), d.vicregInv(), d.vicregVar(),
                d.vicregCov(), d.latentMapWeight(), d.rewardWeight(), d.doneWeight(), d.rewardPosWeight(), d.messageDropout(),
                d.shapingWeight(), d.imaginedMessages(), d.rolloutHeads(), d.blockedMoves(), d.moveLabels(), 2.0, d.codecMix());
        Jepa2Config cfg = new Jepa2Config(base.latent(), base.convChannels(), base.encoderHidden(), base.messageHidden(),
                base.projHidden(), base.proj(), base.attention(), base.heads(), base.actionEmbed(), base.predictorHidden(),
                base.messageMode(), base.cellEmbed(), base.residual(), base.headHidden(), base.seqLen(), base.batch(), base.steps(),
                withComm);
        boolean cells = cfg.cellTokens();
        Jepa2Model model = new Jepa2Model(cfg, dims);
        RefOps ops = PredictorTest.randomParams(model.params(), 9);
        SplittableRandom rng = new SplittableRandom(4);
        int s = dims.imageSize();
        int m = dims.cells();
        float[] image = new float[B * T * 2 * 3 * s * s];
        for (int i = 0; i < image.length; i++) {
            image[i] = rng.nextInt(4) / 3f;
        }
        float[] pos = new float[B * T * 2 * 2];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = 1 + rng.nextInt(7);
        }
        int[] msg = new int[B * T * 2 * m];
        for (int i = 0; i < msg.length; i++) {
            msg[i] = rng.nextInt(5);
        }
        int[] act = new int[B * T * 2];
        for (int i = 0; i < act.length; i++) {
            act[i] = rng.nextInt(5);
        }
        float[] mask = {1, 1, 1, 1, 1, 0}; // window 1 ends after 2 steps
        float[] keep = {1, 0, 1, 1};       // window 0: receiver 1 gets no message
        float[] commStart = {0, 1, 1, 0};  // window 0 agent 1 and window 1 agent 0 start with the goal only in the other's view
        float[] stepMask = new float[B * 2 * (T - 1)];
        float[] reward = new float[stepMask.length];
        float[] done = new float[stepMask.length];
        for (int w = 0; w < B; w++) {
            for (int i = 0; i < 2; i++) {
                for (int k = 0; k < T - 1; k++) {
                    stepMask[(w * 2 + i) * (T - 1) + k] = mask[w * T + k + 1];
                }
            }
        }
        reward[1] = 1;
        done[7] = 1;
        float[] shaping = new float[stepMask.length];
        for (int i = 0; i < shaping.length; i++) {
            shaping[i] = rng.nextInt(3) - 1;
        }
        int[] predMsg = new int[msg.length]; // receiver i reads the other agent's cells, or "no information"
        for (int w = 0; w < B; w++) {
            for (int k = 0; k < T; k++) {
                for (int i = 0; i < 2; i++) {
                    for (int c = 0; c < m; c++) {
                        predMsg[((w * T + k) * 2 + i) * m + c] = keep[w * 2 + i] == 1f ? msg[((w * T + k) * 2 + 1 - i) * m + c] : dims.objectTypes();
                    }
                }
            }
        }
        int na = dims.actions();
        float[] blocked = new float[stepMask.length * na]; // [B,2,T−1,A]: stay always, some moves blocked
        for (int o = 0; o < stepMask.length; o++) {
            for (int a = 0; a < na; a++) {
                blocked[o * na + a] = stepMask[o] == 1f && (a == 0 || rng.nextInt(3) == 0) ? 1f : 0f;
            }
        }
        float[] progress = new float[blocked.length]; // [B,2,T−1,A]: every action's BFS steps toward the goal
        float[] arrivals = new float[blocked.length]; // [B,2,T−1,A]: some actions arrive
        for (int o = 0; o < stepMask.length; o++) {
            for (int a = 0; a < na; a++) {
                progress[o * na + a] = rng.nextInt(3) - 1;
                arrivals[o * na + a] = a > 0 && rng.nextInt(4) == 0 ? 1f : 0f;
            }
        }
        int p = cfg.proj();
        Jepa2Inputs<RefTensor> in = new Jepa2Inputs<>(RefTensor.of(image, B, T, 2, 3, s, s), RefTensor.of(pos, B, T, 2, 2),
                RefTensor.ofInts(msg, B, T, 2, m), cells ? RefTensor.ofInts(predMsg, B, T, 2, m) : null, RefTensor.of(keep, B, 2), RefTensor.ofInts(act, B, T, 2),
                RefTensor.of(mask, B, T), RefTensor.of(reward, B, 2, T - 1), RefTensor.of(done, B, 2, T - 1),
                RefTensor.of(shaping, B, 2, T - 1), RefTensor.of(new float[B * 2], B, 2), RefTensor.of(stepMask, B, 2, T - 1), RefTensor.of(SigReg.directions(p, 8, rng), p, 8),
                RefTensor.of(SigReg.directions(p, 8, rng), p, 8), RefTensor.of(blocked, B, 2, T - 1, na),
                RefTensor.of(progress, B, 2, T - 1, na), RefTensor.of(arrivals, B, 2, T - 1, na), RefTensor.of(commStart, B, 2));
        Jepa2LossTerms<RefTensor> terms = new Jepa2Objective(model).build(ops, in);
        Jepa2LossConfig lc = cfg.loss();
        double sum = v(terms.lejepa()) + v(terms.vicreg()) + lc.latentMapWeight() * (v(terms.obsPred()) + v(terms.msgPred()))
                + lc.rewardWeight() * v(terms.reward()) + lc.doneWeight() * v(terms.done()) + lc.shapingWeight() * v(terms.shaping())
                + lc.rolloutHeads() * v(terms.rolloutHeads()) + lc.blockedMoves() * v(terms.blockedMoves())
                + lc.moveLabels() * v(terms.moveLabels()) + lc.commPrediction() * v(terms.commPrediction());
        assertEquals(sum, v(terms.total()), 1e-4);
        assertEquals((1 - lc.lambda()) * v(terms.invariance()) + lc.lambda() * v(terms.sigreg()), v(terms.lejepa()), 1e-5);
        for (RefTensor term : terms.byName().values()) {
            assertTrue(Float.isFinite(term.data()[0]) && term.data()[0] >= 0, "term " + term.data()[0]);
        }
        // independent rollouts: agent i from its first latent, reading h of agent 1−i (times keep)
        double err = 0;
        double count = 0;
        double commErr = 0;
        double commCount = 0;
        double rollReward = 0;
        double rollDone = 0;
        double rollShaping = 0;
        double rollRows = 0;
        for (int w = 0; w < B; w++) {
            for (int i = 0; i < 2; i++) {
                RefTensor cur = encode(model, ops, image, pos, w, 0, i, s);
                for (int k = 0; k < T - 1; k++) {
                    RefTensor h;
                    if (cells) {
                        h = RefTensor.ofInts(java.util.Arrays.copyOfRange(predMsg, ((w * T + k) * 2 + i) * m, ((w * T + k) * 2 + i + 1) * m), 1, m);
                    } else {
                        h = heard(model, ops, msg, keep, w, k, i);
                    }
                    RefTensor a = RefTensor.ofInts(new int[] {act[(w * T + k) * 2 + i]}, 1);
                    int lab = (w * 2 + i) * (T - 1) + k;
                    if (!cells && k >= 1 && stepMask[lab] == 1f) { // heads on the open loop's latent ẑ_k, with the message heard at k
                        double lr = model.rewardLogit(ops, cur, a).data()[0];
                        double ld = model.doneLogit(ops, cur, a).data()[0];
                        double sh = model.shaping(ops, cur, a, h).data()[0];
                        rollReward += reward[lab] * lc.rewardPosWeight() * softplus(-lr) + (1 - reward[lab]) * softplus(lr);
                        rollDone += done[lab] * softplus(-ld) + (1 - done[lab]) * softplus(ld);
                        rollShaping += (sh - shaping[lab]) * (sh - shaping[lab]);
                        rollRows++;
                    }
                    cur = model.predict(ops, cur, a, h);
                    if (mask[w * T + k + 1] == 1f) {
                        RefTensor target = encode(model, ops, image, pos, w, k + 1, i, s);
                        double rowErr = 0;
                        for (int j = 0; j < cfg.latent(); j++) {
                            double e = cur.data()[j] - target.data()[j];
                            rowErr += e * e / cfg.latent();
                        }
                        err += rowErr;
                        count++;
                        commErr += commStart[w * 2 + i] * rowErr;
                        commCount += commStart[w * 2 + i];
                    }
                }
            }
        }
        assertEquals(err / count, v(terms.vicregInv()), 1e-5);
        assertEquals(3, commCount); // window 0 agent 1: 2 real steps; window 1 agent 0: 1
        assertEquals(commErr / commCount, v(terms.commPrediction()), 1e-5);
        assertTrue(v(terms.commPrediction()) > 0);
        assertEquals(expectedBlocked(model, ops, image, pos, msg, keep, blocked, s), v(terms.blockedMoves()), 1e-5);
        assertEquals(expectedMoves(model, ops, image, pos, msg, keep, stepMask, progress, arrivals, s), v(terms.moveLabels()), 1e-5);
        if (cells) {
            assertEquals(0.0, v(terms.rolloutHeads()), 0.0);
        } else {
            assertEquals(2, rollRows); // step 1 of window 0 for both agents; window 1 ends after 2 steps
            double expect = (rollReward + lc.doneWeight() * rollDone + lc.shapingWeight() * rollShaping) / rollRows;
            assertEquals(expect, v(terms.rolloutHeads()), 1e-5);
        }
    }

    /**
     * The blocked-move term computed row by row: each (window, agent, step, action) of the mask, on the encoder's z_t
     * and the message heard at t.
     */
    private static double expectedBlocked(Jepa2Model model, RefOps ops, float[] image, float[] pos, int[] msg, float[] keep,
                                          float[] blocked, int s) {
        Jepa2Config cfg = model.config();
        Jepa2LossConfig lc = cfg.loss();
        boolean cells = cfg.cellTokens();
        int na = model.dims().actions();
        double shape = 0;
        double rew = 0;
        double dyn = 0;
        int rows = 0;
        for (int o = 0; o < B * 2 * (T - 1); o++) {
            int w = o / (2 * (T - 1));
            int i = o / (T - 1) % 2;
            int k = o % (T - 1);
            RefTensor zk = encode(model, ops, image, pos, w, k, i, s);
            RefTensor hk = heard(model, ops, msg, keep, w, k, i);
            for (int a = 0; a < na; a++) {
                if (blocked[o * na + a] == 0f) {
                    continue;
                }
                RefTensor at = RefTensor.ofInts(new int[] {a}, 1);
                double sh = model.shaping(ops, zk, at, hk).data()[0];
                shape += sh * sh;
                rew += softplus(model.rewardLogit(ops, zk, at).data()[0]);
                if (!cells) {
                    float[] next = model.predict(ops, zk, at, hk).data();
                    for (int j = 0; j < cfg.latent(); j++) {
                        double e = next[j] - zk.data()[j];
                        dyn += e * e / cfg.latent();
                    }
                }
                rows++;
            }
        }
        assertTrue(rows >= 6, "blocked rows " + rows);
        return (lc.shapingWeight() * shape + lc.rewardWeight() * rew + dyn) / rows;
    }

    /**
     * The move-label term computed row by row: every action of every real transition, on the encoder's z_t and the
     * message heard at t, against its progress (shaping head) and arrival (reward head, positives weighted).
     */
    private static double expectedMoves(Jepa2Model model, RefOps ops, float[] image, float[] pos, int[] msg, float[] keep,
                                        float[] stepMask, float[] progress, float[] arrivals, int s) {
        Jepa2LossConfig lc = model.config().loss();
        int na = model.dims().actions();
        double shape = 0;
        double rew = 0;
        int rows = 0;
        for (int o = 0; o < B * 2 * (T - 1); o++) {
            if (stepMask[o] == 0f) {
                continue;
            }
            int w = o / (2 * (T - 1));
            int i = o / (T - 1) % 2;
            int k = o % (T - 1);
            RefTensor zk = encode(model, ops, image, pos, w, k, i, s);
            RefTensor hk = heard(model, ops, msg, keep, w, k, i);
            for (int a = 0; a < na; a++) {
                RefTensor at = RefTensor.ofInts(new int[] {a}, 1);
                double e = model.shaping(ops, zk, at, hk).data()[0] - progress[o * na + a];
                shape += e * e;
                double l = model.rewardLogit(ops, zk, at).data()[0];
                double y = arrivals[o * na + a];
                rew += y * lc.rewardPosWeight() * softplus(-l) + (1 - y) * softplus(l);
                rows++;
            }
        }
        assertEquals(6 * na, rows); // 8 transitions, window 1's last is not real for either agent
        return (lc.shapingWeight() * shape + lc.rewardWeight() * rew) / rows;
    }

    /** The message latent agent i's predictor hears at step k of window w: the other agent's, times keep. */
    private static RefTensor heard(Jepa2Model model, RefOps ops, int[] msg, float[] keep, int w, int k, int i) {
        int m = model.dims().cells();
        int from = ((w * T + k) * 2 + 1 - i) * m;
        RefTensor h = model.encodeMessage(ops, RefTensor.ofInts(java.util.Arrays.copyOfRange(msg, from, from + m), 1, m));
        return ops.mul(h, ops.scalar(keep[w * 2 + i]));
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    private static RefTensor encode(Jepa2Model model, RefOps ops, float[] image, float[] pos, int w, int k, int i, int s) {
        int row = (w * T + k) * 2 + i;
        int px = 3 * s * s;
        return model.encode(ops, RefTensor.of(java.util.Arrays.copyOfRange(image, row * px, (row + 1) * px), 1, 3, s, s),
                RefTensor.of(java.util.Arrays.copyOfRange(pos, row * 2, row * 2 + 2), 1, 2));
    }

    private static double v(RefTensor t) {
        return t.data()[0];
    }
}
