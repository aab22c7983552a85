package dev.mawm.export.onnx;

import dev.mawm.models.nn.iris.IrisFixtures;
import dev.mawm.models.nn.iris.IrisModel;
import dev.mawm.models.nn.iris.IrisOutputs;
import dev.mawm.models.ops.Ops;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The iris network emitted as ONNX and run in ONNX Runtime, against the reference backend (≤ 1e-5). */
class OnnxIrisTest {

    @Test
    void forwardMatchesTheReferenceInOnnxRuntime() throws Exception {
        IrisModel model = IrisFixtures.model();
        int t = 3;
        IrisFixtures.Window w = IrisFixtures.window(2, t, t, 31);
        OnnxOpsTest.compare(new OnnxOpsTest.Program() {
            @Override
            public <T> List<T> run(Ops<T> o, List<T> in) {
                IrisOutputs<T> out = model.forward(o, in.get(0), in.get(1), in.get(2), in.get(3), in.get(4));
                return List.of(out.hidden(), out.cellLogits(), out.xLogits(), out.yLogits(), out.reward(), model.doneProb(o, out),
                        model.greedyFrame(o, out));
            }
        }, IrisFixtures.randomValues(model.params(), 32), List.of(w.cells(), w.pos(), w.actions(), w.steps(), w.message()));
    }
}
