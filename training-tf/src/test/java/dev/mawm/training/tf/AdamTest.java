package dev.mawm.training.tf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mawm.models.io.FloatTensor;
import dev.mawm.models.ops.Init;
import dev.mawm.models.ops.ParamSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;

/** Adam against the textbook update computed in Java, and its resumable state. */
class AdamTest {

    @Test
    void matchesTheTextbookUpdate() {
        float[] target = {1f, -2f, 0.5f};
        float[] w0 = {0.3f, 0.1f, -0.7f};
        Adam.Settings s = new Adam.Settings(0.05, 0.9, 0.999, 1e-8);
        int steps = 5;
        try (TfGraph g = new TfGraph(1)) {
            VariableStore vars = new VariableStore(g.tf().withSubScope("p"), List.of(new ParamSpec("w", new long[] {3}, Init.zeros())), Precision.FLOAT32);
            TfOps ops = new TfOps(g.tf(), Precision.FLOAT32, vars);
            // loss = Σ (w − c)² · (1, 2, 3)
            Operand<?> loss = ops.reduceSum(ops.mul(ops.square(ops.sub(ops.param("w"), ops.constant(target, 3))),
                    ops.constant(new float[] {1, 2, 3}, 3)), 0, false);
            Adam adam = Adam.minimize(ops, g.graph(), loss, vars, s, List.of());
            Session session = g.session();
            vars.load(session, Map.of("w", new FloatTensor(new long[] {3}, w0)));
            adam.reset(session);
            for (int i = 0; i < steps; i++) {
                session.runner().addTarget(adam.trainOp()).run().close();
            }
            float[] got = vars.read(session).get("w").data();
            double[] w = {w0[0], w0[1], w0[2]};
            double[] m = new double[3];
            double[] v = new double[3];
            for (int t = 1; t <= steps; t++) {
                for (int j = 0; j < 3; j++) {
                    double grad = 2 * (w[j] - target[j]) * (j + 1);
                    m[j] = 0.9 * m[j] + 0.1 * grad;
                    v[j] = 0.999 * v[j] + 0.001 * grad * grad;
                    double lrT = 0.05 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
                    w[j] -= lrT * m[j] / (Math.sqrt(v[j]) + 1e-8);
                }
            }
            for (int j = 0; j < 3; j++) {
                assertEquals(w[j], got[j], 1e-5, "w[" + j + "]");
            }
            Map<String, FloatTensor> state = adam.state(session);
            assertEquals(steps, adam.steps(session));
            assertEquals(3, state.size());
            assertEquals(m[2], state.get("adam.m.w").data()[2], 1e-5);
            assertEquals(v[2], state.get("adam.v.w").data()[2], 1e-4);
            // the loss fetched with the train op is the loss before the update
            try (Result r = session.runner().fetch(loss).run()) {
                double before = Tensors.scalar(r.get(0));
                try (Result r2 = session.runner().fetch(loss).addTarget(adam.trainOp()).run()) {
                    assertEquals(before, Tensors.scalar(r2.get(0)), 0);
                }
            }
        }
    }
}
