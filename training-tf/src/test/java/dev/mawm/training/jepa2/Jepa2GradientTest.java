package dev.mawm.training.jepa2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.mawm.models.config.Jepa2Config;
import dev.mawm.models.config.Jepa2LossConfig;
import dev.mawm.models.loss.Losses;
import dev.mawm.models.loss.SigReg;
import dev.mawm.models.loss.VicReg;
import dev.mawm.models.nn.jepa2.Jepa2Dims;
import dev.mawm.models.nn.jepa2.Predictor;
import dev.mawm.models.ops.ParamSpec;
import dev.mawm.training.tf.GradientChecker;
import dev.mawm.training.tf.Precision;
import dev.mawm.training.tf.Tensors;
import dev.mawm.training.tf.TfGraph;
import dev.mawm.training.tf.TfOps;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/** The jepa2 losses and the attention predictor, differentiated by TensorFlow and by central differences in float64. */
class Jepa2GradientTest {
    private static final float[] MASK = {1, 1, 0, 1, 1, 1};

    @Test
    void sigregGradient() {
        float[] dirs = SigReg.directions(3, 5, new SplittableRandom(1));
        new GradientChecker(1).input("x", 6, 3).tolerance(1e-5).check("sigreg",
                o -> SigReg.loss(o, o.param("x"), o.constant(dirs, 3, 5), null, 17));
        new GradientChecker(2).input("x", 6, 3).tolerance(1e-5).check("sigreg masked",
                o -> SigReg.loss(o, o.param("x"), o.constant(dirs, 3, 5), o.constant(MASK, 6), 17));
    }

    @Test
    void vicregGradient() {
        new GradientChecker(3).input("x", 6, 4).input("y", 6, 4).tolerance(1e-5).check("vicreg",
                o -> VicReg.loss(o, o.param("x"), o.param("y"), null, 25, 25, 1).total());
        new GradientChecker(4).input("x", 6, 4).input("y", 6, 4).tolerance(1e-5).check("vicreg masked",
                o -> VicReg.loss(o, o.param("x"), o.param("y"), o.constant(MASK, 6), 25, 25, 1).total());
    }

    @Test
    void weightedBceAndInvarianceGradients() {
        float[] labels = {1, 0, 1, 0, 0, 1};
        new GradientChecker(5).input("l", 6).check("bce",
                o -> Losses.bceWithLogits(o, o.param("l"), o.constant(labels, 6), o.constant(MASK, 6), 5f));
        new GradientChecker(6).input("a", 6, 3).input("b", 6, 3).check("lejepa invariance",
                o -> Losses.lejepaInvariance(o, o.param("a"), o.param("b"), o.constant(MASK, 6)));
    }

    @Test
    void attentionPredictorGradientInBothMessageModes() {
        Jepa2Dims dims = Jepa2Dims.of(9, 9, 3, 2, 5, 5);
        for (String mode : new String[] {Jepa2Config.MESSAGE_VECTOR, Jepa2Config.MESSAGE_CELLS}) {
            Jepa2Config cfg = new Jepa2Config(4, 2, 5, 5, 5, 4, 6, 2, 3, 5, mode, 4, true, 5, 4, 4, 10, Jepa2LossConfig.defaults());
            Predictor pred = new Predictor(cfg, dims);
            GradientChecker gc = new GradientChecker(7).input("z", 3, 4).tolerance(1e-5);
            for (ParamSpec p : pred.params()) {
                gc.input(p.name(), p.shape());
            }
            if (!pred.cellTokens()) {
                gc.input("h", 3, 4);
            }
            int[] cells = new int[3 * dims.cells()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = (i * 7) % (dims.objectTypes() + 1);
            }
            gc.check("predictor " + mode, o -> pred.apply(o, o.param("z"), o.constantInt(new int[] {0, 2, 4}, 3),
                    pred.cellTokens() ? o.constantInt(cells, 3, dims.cells()) : o.param("h")));
        }
    }

    @Test
    void stopGradientBlocksTheDetachedTarget() {
        // loss = mean((a − sg(2a))²): through the first argument only, d/da = 2(a − 2a)/n = −2a/n;
        // without stopGradient it would be 2(a − 2a)(1 − 2)/n = +2a/n
        try (TfGraph g = new TfGraph(1)) {
            org.tensorflow.op.Ops tf = g.tf();
            Placeholder<TFloat64> a = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.of(2, 2)));
            TfOps ops = new TfOps(tf, Precision.FLOAT64, (dev.mawm.training.tf.VariableStore) null);
            Operand<?> loss = Losses.mse(ops, a, ops.stopGradient(ops.mul(a, ops.scalar(2f))), null);
            Output<?>[] grads = g.graph().addGradients(loss.asOutput(), new Output<?>[] {a.asOutput()});
            assertNotNull(grads[0]);
            double[] av = {1, 2, 3, -4};
            try (TFloat64 va = Tensors.doubles(av, 2, 2); Result r = g.session().runner().feed(a, va).fetch(grads[0]).run()) {
                double[] grad = Tensors.toDoubles(r.get(0));
                for (int i = 0; i < 4; i++) {
                    assertEquals(-2 * av[i] / 4, grad[i], 1e-12);
                }
            }
        }
    }
}
