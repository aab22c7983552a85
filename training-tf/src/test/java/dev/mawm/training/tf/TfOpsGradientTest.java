package dev.mawm.training.tf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;

/** Every op of the op set, differentiated by TensorFlow and by central differences in float64. */
class TfOpsGradientTest {

    private static GradientChecker gc(long seed) {
        return new GradientChecker(seed);
    }

    @Test
    void elementwiseBinaryOpsWithBroadcasting() {
        gc(1).input("a", 2, 3).input("b", 3).check("add", o -> o.add(o.param("a"), o.param("b")));
        gc(2).input("a", 2, 3).input("b", 2, 1).check("sub", o -> o.sub(o.param("a"), o.param("b")));
        gc(3).input("a", 2, 3).input("b", 1, 3).check("mul", o -> o.mul(o.param("a"), o.param("b")));
        gc(4).input("a", 2, 3).positive("b", 3).check("div", o -> o.div(o.param("a"), o.param("b")));
        gc(5).input("a", 2, 3).input("b", 2, 3).check("maximum", o -> o.maximum(o.param("a"), o.param("b")));
        gc(6).input("a", 2, 3).check("maximum with scalar", o -> o.maximum(o.param("a"), o.scalar(0.3f)));
    }

    @Test
    void elementwiseUnaryOps() {
        gc(7).input("x", 2, 4).check("exp", o -> o.exp(o.param("x")));
        gc(8).positive("x", 2, 4).check("log", o -> o.log(o.param("x")));
        gc(9).positive("x", 2, 4).check("sqrt", o -> o.sqrt(o.param("x")));
        gc(10).input("x", 2, 4).check("cos", o -> o.cos(o.param("x")));
        gc(11).input("x", 2, 4).check("sin", o -> o.sin(o.param("x")));
        gc(12).input("x", 2, 4).check("relu", o -> o.relu(o.param("x")));
        gc(13).input("x", 2, 4).check("elu", o -> o.elu(o.param("x")));
        gc(14).input("x", 2, 4).check("tanh", o -> o.tanh(o.param("x")));
        gc(15).input("x", 2, 4).check("sigmoid", o -> o.sigmoid(o.param("x")));
        gc(16).input("x", 2, 4).check("square", o -> o.square(o.param("x")));
        gc(17).input("x", 2, 4).check("neg", o -> o.neg(o.param("x")));
    }

    @Test
    void matmulInEveryForm() {
        gc(20).input("a", 3, 4).input("b", 4, 5).check("matmul 2d", o -> o.matmul(o.param("a"), o.param("b")));
        gc(21).input("a", 2, 3, 4).input("b", 4, 5).check("matmul 3d x 2d", o -> o.matmul(o.param("a"), o.param("b")));
        gc(22).input("a", 2, 3, 4).input("b", 2, 4, 5).check("batch matmul", o -> o.matmul(o.param("a"), o.param("b")));
        gc(23).input("x", 2, 3).input("w", 3, 4).input("b", 4).check("dense", o -> o.dense(o.param("x"), o.param("w"), o.param("b")));
    }

    @Test
    void shapeAndIndexOps() {
        gc(30).input("a", 2, 3).input("b", 2, 2).check("concat last", o -> o.concat(-1, List.of(o.param("a"), o.param("b"))));
        gc(31).input("a", 1, 3).input("b", 2, 3).check("concat first", o -> o.concat(0, List.of(o.param("a"), o.param("b"))));
        gc(32).input("x", 2, 5, 3).check("slice", o -> o.slice(o.param("x"), 1, 1, 4));
        gc(33).input("x", 2, 6).check("reshape", o -> o.reshape(o.param("x"), -1, 3, 2));
        gc(34).input("x", 2, 3, 4).check("transpose", o -> o.transpose(o.param("x"), 2, 0, 1));
        gc(35).input("t", 5, 3).check("gather", o -> o.gather(o.param("t"), o.constantInt(new int[] {4, 0, 4, 2}, 2, 2)));
        gc(36).input("x", 3, 4).check("oneHot product", o -> o.mul(o.param("x"), o.oneHot(o.constantInt(new int[] {1, 3, 0}, 3), 4)));
    }

    @Test
    void reductionsAndSoftmax() {
        gc(40).input("x", 2, 3, 4).check("reduceSum", o -> o.reduceSum(o.param("x"), 1, false));
        gc(41).input("x", 2, 3, 4).check("reduceSum keep", o -> o.reduceSum(o.param("x"), -1, true));
        gc(42).input("x", 2, 3, 4).check("reduceMean", o -> o.reduceMean(o.param("x"), 0, false));
        gc(43).input("x", 2, 3, 4).check("reduceMean keep", o -> o.reduceMean(o.param("x"), -1, true));
        gc(44).input("x", 3, 5).check("softmax", o -> o.softmax(o.param("x")));
        gc(45).input("x", 2, 6).positive("g", 6).input("b", 6).check("layerNorm",
                o -> o.layerNorm(o.param("x"), o.param("g"), o.param("b"), 1e-5f));
    }

    @Test
    void conv2d() {
        gc(50).input("x", 1, 5, 5, 2).input("f", 3, 3, 2, 3).tolerance(1e-5).check("conv same s1",
                o -> o.conv2d(o.param("x"), o.param("f"), 1, true));
        gc(51).input("x", 2, 6, 6, 1).input("f", 2, 2, 1, 2).tolerance(1e-5).check("conv valid s2",
                o -> o.conv2d(o.param("x"), o.param("f"), 2, false));
    }

    @Test
    void stopGradientBlocksTheGradient() {
        try (TfGraph g = new TfGraph(1)) {
            var tf = g.tf();
            var x = tf.placeholder(org.tensorflow.types.TFloat64.class);
            TfOps ops = new TfOps(tf, Precision.FLOAT64, n -> x);
            Operand<?> y = ops.add(ops.mul(ops.stopGradient(ops.param("x")), ops.param("x")), ops.param("x"));
            Output<?>[] grad = g.graph().addGradients(y.asOutput(), new Output<?>[] {x.asOutput()});
            try (var xt = Tensors.doubles(new double[] {3.0}); Result r = g.session().runner().feed(x, xt).fetch(y).fetch(grad[0]).run()) {
                assertEquals(12.0, Tensors.scalar(r.get(0)));
                assertEquals(4.0, Tensors.scalar(r.get(1)), "d/dx (sg(x)·x + x) = sg(x) + 1");
            }
        }
    }

    @Test
    void shapesAreStatic() {
        try (TfGraph g = new TfGraph(1)) {
            TfOps ops = TfOps.withoutParams(g.tf(), Precision.FLOAT32);
            var x = g.tf().placeholder(org.tensorflow.types.TFloat32.class,
                    org.tensorflow.op.core.Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1, 3, 4)));
            assertArrayEquals(new long[] {-1, 3, 5}, ops.shape(ops.matmul(x, ops.constant(new float[20], 4, 5))));
            assertArrayEquals(new long[] {-1, 2, 4}, ops.shape(ops.slice(x, 1, 1, 3)));
        }
    }

    @Test
    void matmulWithTwoUnknownLeadingDims() {
        try (TfGraph g = new TfGraph(1)) {
            TfOps ops = TfOps.withoutParams(g.tf(), Precision.FLOAT32);
            var x = g.tf().placeholder(org.tensorflow.types.TFloat32.class,
                    org.tensorflow.op.core.Placeholder.shape(org.tensorflow.ndarray.Shape.of(-1, -1, 2)));
            float[] w = {1, 2, 3, 4, 5, 6};
            Operand<?> y = ops.matmul(x, ops.constant(w, 2, 3));
            float[] xv = {1, 0, 0, 1, 2, -1, 0.5f, 0.5f};
            try (var xt = Tensors.floats(Precision.FLOAT32, xv, 2, 2, 2); Result r = g.session().runner().feed(x, xt).fetch(y).run()) {
                assertArrayEquals(new long[] {2, 2, 3}, r.get(0).shape().asArray());
                assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, -2, -1, 0, 2.5f, 3.5f, 4.5f}, Tensors.toFloats(r.get(0)), 1e-6f);
            }
        }
    }
}
