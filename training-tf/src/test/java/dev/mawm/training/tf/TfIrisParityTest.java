package dev.mawm.training.tf;

import dev.mawm.models.nn.iris.IrisFixtures;
import dev.mawm.models.nn.iris.IrisInputs;
import dev.mawm.models.nn.iris.IrisLossTerms;
import dev.mawm.models.nn.iris.IrisModel;
import dev.mawm.models.nn.iris.IrisObjective;
import dev.mawm.models.nn.iris.IrisOutputs;
import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.RefTensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The iris network and objective on TensorFlow against the reference backend (≤ 1e-5), and the objective's gradient. */
class TfIrisParityTest {
    private static final int T = 3;

    @Test
    void forwardAndObjectiveMatchTheReference() {
        IrisModel model = IrisFixtures.model();
        Map<String, RefTensor> params = IrisFixtures.randomValues(model.params(), 21);
        IrisFixtures.Window w = IrisFixtures.window(2, T, T + 1, 22);
        RefTensor reward = RefTensor.of(new float[] {0.1f, 0, 1, -0.1f, 0, 0.1f}, 2, T);
        RefTensor done = RefTensor.of(new float[] {0, 0, 1, 0, 0, 0}, 2, T);
        RefTensor mask = RefTensor.of(new float[] {1, 1, 1, 1, 1, 0}, 2, T);
        OpParity.compare(new OpParity.Program() {
            @Override
            public <T2> List<T2> run(Ops<T2> o, List<T2> in) {
                T2 cells = o.slice(in.get(0), 1, 0, T);
                T2 pos = o.slice(in.get(1), 1, 0, T);
                IrisOutputs<T2> out = model.forward(o, cells, pos, in.get(2), in.get(3), in.get(4));
                IrisLossTerms<T2> terms = new IrisObjective(model).build(o, new IrisInputs<>(in.get(0), in.get(1), in.get(2), in.get(3),
                        in.get(4), in.get(5), in.get(6), in.get(7)));
                return List.of(out.hidden(), out.cellLogits(), out.xLogits(), out.yLogits(), out.reward(), model.doneProb(o, out),
                        model.greedyFrame(o, out), terms.total(), terms.cells(), terms.position(), terms.reward(), terms.done());
            }
        }, params, List.of(w.cells(), w.pos(), w.actions(), w.steps(), w.message(), reward, done, mask), 1e-5);
    }

    @Test
    void theObjectivesGradientMatchesCentralDifferences() {
        IrisModel model = IrisFixtures.model();
        IrisFixtures.Window w = IrisFixtures.window(1, 2, 3, 23);
        GradientChecker gc = new GradientChecker(24);
        for (var p : model.params()) {
            gc.input(p.name(), p.shape());
        }
        gc.sample(20).tolerance(1e-5).check("iris objective", o -> new IrisObjective(model).build(o, new IrisInputs<>(
                o.constantInt(w.cells().ints(), w.cells().shape()), o.constantInt(w.pos().ints(), w.pos().shape()),
                o.constantInt(w.actions().ints(), w.actions().shape()), o.constantInt(w.steps().ints(), w.steps().shape()),
                o.constantInt(w.message().ints(), w.message().shape()), o.constant(new float[] {0.1f, 1f}, 1, 2),
                o.constant(new float[] {0, 1}, 1, 2), o.constant(new float[] {1, 1}, 1, 2))).total());
    }
}
