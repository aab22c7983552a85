package dev.mawm.training.mlp;

import dev.mawm.models.checkpoint.TestSpecs;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.mlp.MlpEnsemble;
import dev.mawm.models.nn.mlp.MlpLoss;
import dev.mawm.models.ops.ParamSpec;
import dev.mawm.training.tf.GradientChecker;
import dev.mawm.training.tf.VariableStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whole-network gradient check in float64: the mlp member loss against central differences, with respect to
 * randomly sampled elements of every parameter.
 */
class MlpLossGradientTest {

    static GradientChecker withParams(List<ParamSpec> params, long seed) {
        GradientChecker gc = new GradientChecker(seed).sample(4).tolerance(1e-5);
        Map<String, FloatTensor> values = VariableStore.sample(params, seed);
        values.forEach((name, t) -> {
            double[] d = new double[t.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = t.data()[i] + 0.01 * ((i * 7919) % 13 - 6);  // break symmetry of zero biases
            }
            gc.input(name, d, t.shape());
        });
        return gc;
    }

    @Test
    void mlpMemberLoss() {
        MlpEnsemble net = TestSpecs.mlp();
        float[] state = {0.1f, 0.2f, -0.01f, 0.3f, -0.2f, 0.5f, 0.02f, -0.4f, 0f, -0.3f, 0.05f, 0.1f};
        float[] delta = {0.5f, -1f, 0.2f, 1.5f, -0.3f, 0.7f, -2f, 0.1f, 1f, 0f, -0.5f, 0.4f};
        withParams(net.member(0).params(), 5).check("mlp loss", o -> MlpLoss.terms(o, net.member(0), TestSpecs.mlpConfig(),
                o.constant(state, 3, 4), o.constantInt(new int[] {1, 0, 1}, 3), o.constant(delta, 3, 4),
                o.constant(new float[] {1, 1, 0.5f}, 3), o.constant(new float[] {0, 1, 0}, 3)).total());
    }
}
