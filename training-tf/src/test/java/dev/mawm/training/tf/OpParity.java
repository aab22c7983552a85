package dev.mawm.training.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mawm.models.ops.Ops;
import dev.mawm.models.ops.RefOps;
import dev.mawm.models.ops.RefTensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.types.TInt32;

/**
 * Runs one program written against {@link Ops} on the reference backend and on {@link TfOps} (float32, parameters
 * and inputs as graph constants) and compares every output: floats within a tolerance, int32 outputs exactly.
 */
final class OpParity {
    private OpParity() {
    }

    /** A forward pass written once against the op interface. */
    interface Program {
        <T> List<T> run(Ops<T> ops, List<T> in);
    }

    /**
     * @param p      the program
     * @param params parameter values by name
     * @param inputs the program's inputs
     * @param tol    the largest absolute difference allowed in a float output
     * @return the largest absolute difference seen over the float outputs
     */
    static double compare(Program p, Map<String, RefTensor> params, List<RefTensor> inputs, double tol) {
        List<RefTensor> expected = p.run(new RefOps(params), inputs);
        double worst = 0;
        try (TfGraph g = new TfGraph(1)) {
            TfOps probe = TfOps.withoutParams(g.tf(), Precision.FLOAT32);
            TfOps ops = new TfOps(g.tf(), Precision.FLOAT32, name -> {
                RefTensor t = params.get(name);
                if (t == null) {
                    throw new IllegalArgumentException("no parameter '" + name + "' among " + params.keySet());
                }
                return probe.constant(t.data(), t.shape());
            });
            List<Operand<?>> in = new ArrayList<>();
            for (RefTensor t : inputs) {
                in.add(t.isInt() ? ops.constantInt(t.ints(), t.shape()) : ops.constant(t.data(), t.shape()));
            }
            List<Operand<?>> outs = p.run(ops, in);
            var runner = g.session().runner();
            outs.forEach(runner::fetch);
            try (Result r = runner.run()) {
                for (int i = 0; i < outs.size(); i++) {
                    Tensor t = r.get(i);
                    RefTensor want = expected.get(i);
                    assertArrayEquals(want.shape(), t.shape().asArray(), "output " + i + " shape");
                    if (want.isInt()) {
                        assertTrue(t instanceof TInt32, "output " + i + " is int32");
                        int[] got = new int[want.size()];
                        ((TInt32) t).copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(got, false, false));
                        assertArrayEquals(want.ints(), got, "output " + i);
                        continue;
                    }
                    float[] got = Tensors.toFloats(t);
                    assertEquals(want.size(), got.length, "output " + i + " size");
                    for (int k = 0; k < got.length; k++) {
                        double d = Math.abs(got[k] - want.data()[k]);
                        worst = Math.max(worst, d);
                        assertTrue(d <= tol, "output " + i + " element " + k + ": TF " + got[k] + " vs reference " + want.data()[k]);
                    }
                }
            }
        }
        return worst;
    }
}
