package dev.mawm.training.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.loss.Losses;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;

/** Loss formulas against hand-computed values, on TensorFlow and on the reference backend, and their gradients. */
class LossesOnTfTest {

    private static double tf(Function<TfOps, Operand<?>> f) {
        try (TfGraph g = new TfGraph(1)) {
            Operand<?> y = f.apply(TfOps.withoutParams(g.tf(), Precision.FLOAT32));
            try (Result r = g.session().runner().fetch(y).run()) {
                return Tensors.scalar(r.get(0));
            }
        }
    }

    private static final RefOps REF = new RefOps();

    @Test
    void mse() {
        // ((1-0)² + (2-4)²) / 2 = 2.5
        assertEquals(2.5, tf(o -> Losses.mseAll(o, o.constant(new float[] {1, 2}, 2), o.constant(new float[] {0, 4}, 2))), 1e-7);
        assertEquals(2.5, Losses.mseAll(REF, RefTensor.of(new float[] {1, 2}, 1, 2), RefTensor.of(new float[] {0, 4}, 1, 2)).data()[0], 1e-7);
    }

    @Test
    void stepMse() {
        // rows (n,t): (0,0) err² 1+1, (0,1) masked, (1,0) err² 4+0, (1,1) err² 0+9 → (2 + 4 + 9) / (3 rows · 2) = 2.5
        float[] pred = {1, 1, 100, 100, 2, 0, 0, 3};
        float[] mask = {1, 0, 1, 1};
        double v = tf(o -> Losses.stepMse(o, o.constant(pred, 2, 2, 2), o.constant(new float[8], 2, 2, 2), o.constant(mask, 2, 2)));
        assertEquals(2.5, v, 1e-6);
    }

    @Test
    void huberDeltaOne() {
        // |d| = 0 → 0; 0.5 → 0.125; 3 → 3 − 0.5 = 2.5; −2 → 1.5: mean = 4.125 / 4
        float[] p = {0, 0.5f, 3, -2};
        assertEquals(4.125 / 4, tf(o -> Losses.huber(o, o.constant(p, 4), o.constant(new float[4], 4), 1f)), 1e-7);
        assertEquals(4.125 / 4, Losses.huber(REF, RefTensor.of(p, 4), RefTensor.zeros(4), 1f).data()[0], 1e-7);
    }

    @Test
    void weightedBceOnLogits() {
        // pos weight 10: l=0,y=1 → 10·ln 2; l=2,y=0 → ln(1+e²); l=−1,y=1 → 10·ln(1+e)
        double want = (10 * Math.log(2) + Math.log(1 + Math.exp(2)) + 10 * Math.log(1 + Math.E)) / 3;
        float[] l = {0, 2, -1};
        float[] y = {1, 0, 1};
        assertEquals(want, tf(o -> Losses.weightedBce(o, o.constant(l, 3), o.constant(y, 3), 10f)), 1e-5);
        assertEquals(want, Losses.weightedBce(REF, RefTensor.of(l, 3), RefTensor.of(y, 3), 10f).data()[0], 1e-5);
        // stable at extreme logits: confident and right → ~0, confident and wrong → |l| (times the weight)
        double extreme = tf(o -> Losses.weightedBce(o, o.constant(new float[] {100, -100, -100, 100}, 4),
                o.constant(new float[] {1, 0, 1, 0}, 4), 10f));
        assertEquals((10 * 100.0 + 100.0) / 4, extreme, 1e-3);
        assertTrue(Double.isFinite(extreme));
    }

    @Test
    void lossGradientsMatchFiniteDifferences() {
        new GradientChecker(60).input("p", 3, 4).input("t", 3, 4).check("mse",
                o -> Losses.mseAll(o, o.param("p"), o.param("t")));
        new GradientChecker(61).input("p", 2, 5).input("t", 2, 5).check("huber",
                o -> Losses.huber(o, o.mul(o.param("p"), o.scalar(2f)), o.param("t"), 1f));
        new GradientChecker(62).input("l", 2, 5).input("y", new double[] {1, 0, 0, 1, 0, 0, 0, 1, 1, 0}, 2, 5).check("weighted bce",
                o -> Losses.weightedBce(o, o.mul(o.param("l"), o.scalar(3f)), o.param("y"), 10f));
        new GradientChecker(63).input("p", 2, 3, 2).input("t", 2, 3, 2).input("m", new double[] {1, 1, 0, 1, 0, 0}, 2, 3)
                .check("masked mse", o -> Losses.stepMse(o, o.param("p"), o.param("t"), o.param("m")));
    }
}
