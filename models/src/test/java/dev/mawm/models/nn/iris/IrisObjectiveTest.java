package dev.mawm.models.nn.iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import org.junit.jupiter.api.Test;

/** Every term of {@link IrisObjective} against the same quantities computed by hand from the forward outputs. */
class IrisObjectiveTest {
    private static final int N = 2;
    private static final int T = 3;

    private static double nll(RefTensor logits, int row, int target) {
        int n = (int) logits.dim(-1);
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, logits.data()[row * n + k]);
        }
        double z = 0;
        for (int k = 0; k < n; k++) {
            z += Math.exp(logits.data()[row * n + k] - max);
        }
        return max + Math.log(z) - logits.data()[row * n + target];
    }

    @Test
    void termsMatchHandComputedValues() {
        IrisModel model = IrisFixtures.model();
        RefOps ops = IrisFixtures.randomParams(model.params(), 9);
        IrisFixtures.Window w = IrisFixtures.window(N, T, T + 1, 10);
        float[] reward = {0.1f, -0.1f, 1f, 0f, 0.1f, 0.3f};
        float[] done = {0, 0, 1, 0, 1, 0};
        float[] mask = {1, 1, 1, 1, 1, 0}; // row 1's last transition is past the episode's end
        IrisInputs<RefTensor> in = new IrisInputs<>(w.cells(), w.pos(), w.actions(), w.steps(), w.message(),
                RefTensor.of(reward, N, T), RefTensor.of(done, N, T), RefTensor.of(mask, N, T));
        IrisLossTerms<RefTensor> terms = new IrisObjective(model).build(ops, in);

        IrisOutputs<RefTensor> out = model.forward(ops, ops.slice(w.cells(), 1, 0, T), ops.slice(w.pos(), 1, 0, T), w.actions(), w.steps(),
                w.message());
        int c = IrisFixtures.DIMS.cells();
        double cells = 0;
        double position = 0;
        double rew = 0;
        double term = 0;
        int valid = 0;
        for (int n = 0; n < N; n++) {
            for (int t = 0; t < T; t++) {
                int row = n * T + t;
                if (mask[row] == 0) {
                    continue;
                }
                valid++;
                double sum = 0;
                for (int k = 0; k < c; k++) {
                    sum += nll(out.cellLogits(), row * c + k, w.cells().ints()[(n * (T + 1) + t + 1) * c + k]);
                }
                cells += sum / c;
                int next = (n * (T + 1) + t + 1) * 2;
                position += (nll(out.xLogits(), row, w.pos().ints()[next]) + nll(out.yLogits(), row, w.pos().ints()[next + 1])) / 2;
                rew += Math.pow(out.reward().data()[row] - reward[row], 2);
                term += nll(out.doneLogits(), row, (int) done[row]);
            }
        }
        assertEquals(5, valid);
        assertEquals(cells / valid, terms.cells().data()[0], 1e-5);
        assertEquals(position / valid, terms.position().data()[0], 1e-5);
        assertEquals(rew / valid, terms.reward().data()[0], 1e-5);
        assertEquals(term / valid, terms.done().data()[0], 1e-5);
        IrisConfig cfg = model.config();
        double total = cells / valid + cfg.positionWeight() * position / valid + cfg.rewardWeight() * rew / valid
                + cfg.doneWeight() * term / valid;
        assertEquals(total, terms.total().data()[0], 1e-4);
    }

    @Test
    void refusesAWindowWhoseFramesDoNotFollowItsActions() {
        IrisModel model = IrisFixtures.model();
        RefOps ops = IrisFixtures.randomParams(model.params(), 9);
        IrisFixtures.Window w = IrisFixtures.window(N, T, T, 10); // T frames, not T + 1
        RefTensor z = RefTensor.zeros(N, T);
        IrisInputs<RefTensor> in = new IrisInputs<>(w.cells(), w.pos(), w.actions(), w.steps(), w.message(), z, z, z);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new IrisObjective(model).build(ops, in));
        assertEquals(true, e.getMessage().contains("cells [B,T+1,9]"), e.getMessage());
    }
}
