package dev.mawm.training.gru;

import dev.mawm.models.checkpoint.TestSpecs;
import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.nn.gru.GruSequence;
import dev.mawm.models.nn.gru.GruWorldModel;
import dev.mawm.models.loss.Losses;
import dev.mawm.training.tf.GradientChecker;
import dev.mawm.training.tf.VariableStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whole-network gradient check in float64 of the unrolled gru loss, over sampled elements of every parameter. */
class GruLossGradientTest {

    @Test
    void gruUnrolledLoss() {
        GruWorldModel net = TestSpecs.gru();
        float[] obs = new float[2 * 3 * 4];
        float[] target = new float[2 * 3 * 4];
        for (int i = 0; i < obs.length; i++) {
            obs[i] = (float) Math.sin(i * 0.7) * 0.4f;
            target[i] = (float) Math.cos(i * 1.3);
        }
        withParams(net, 6).check("gru loss", o -> {
            GruSequence<org.tensorflow.Operand<?>> s = net.unroll(o, o.constant(obs, 2, 3, 4), o.constantInt(new int[] {0, 1, 1, 1, 0, 0}, 2, 3));
            var mask = o.constant(new float[] {1, 1, 1, 1, 1, 0}, 2, 3);
            return o.add(Losses.stepMse(o, s.deltaNormalized(), o.constant(target, 2, 3, 4), mask),
                    Losses.stepMean(o, o.square(o.sub(s.reward(), o.scalar(1f))), mask));
        });
    }

    private static GradientChecker withParams(GruWorldModel net, long seed) {
        GradientChecker gc = new GradientChecker(seed).sample(4).tolerance(1e-5);
        Map<String, FloatTensor> values = VariableStore.sample(net.params(), seed);
        values.forEach((name, t) -> {
            double[] d = new double[t.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = t.data()[i] + 0.01 * ((i * 7919) % 13 - 6);
            }
            gc.input(name, d, t.shape());
        });
        return gc;
    }
}
